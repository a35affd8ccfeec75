package io.keyshard.hostile;

import io.keyshard.cli.CliHarness;
import io.keyshard.client.ComponentModule;
import io.keyshard.client.GeneratedKey;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.TestServers;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.node.TestNode;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: three real in-process nodes (ALPHA 11, BRAVO 12, CHARLIE 13) on loopback HTTPS,
 * added to a client home as remote servers (entry in servers.json, API key sealed in a real vault).
 */
final class HostileCluster implements AutoCloseable {
    static final List<String> NAMES = List.of("ALPHA", "BRAVO", "CHARLIE");
    static final String PASSWORD = "hostile-cluster-password";
    final Path home;
    final Map<String, TestNode> nodes = new LinkedHashMap<>();
    private final Map<String, String> urls = new LinkedHashMap<>();

    HostileCluster(Path dir) throws Exception {
        this.home = dir.resolve("home");
        int id = 11;
        for (String name : NAMES) {
            TestNode n = new TestNode(dir.resolve("nodes").resolve(name), name, id++, Duration.ofMinutes(10));
            nodes.put(name, n);
            urls.put(name, n.url());
        }
        TestNode.pinEachOther(nodes.values());
        Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1)).close();
        publish();
    }

    /** Puts a malicious front with the node's certificate and keys in place of server {@code name}. */
    RogueFront rogueFront(String name) throws Exception {
        RogueFront front = new RogueFront(nodes.get(name));
        urls.put(name, front.url());
        publish();
        return front;
    }

    /** Registers every server at its current address, as a user adding its entry would. */
    private void publish() throws Exception {
        try (Vault vault = openVault()) {
            for (TestNode n : nodes.values()) {
                TestServers.register(home, vault, n, urls.get(n.entry.name()));
            }
        }
    }

    /** The command line run on this cluster's client home, the vault's password read from a file. */
    CliHarness.Result cli(String... args) throws IOException {
        Path password = home.resolveSibling("password.txt");
        Files.writeString(password, PASSWORD + "\n");
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--password-file", password.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(all.toArray(String[]::new));
    }

    Vault openVault() {
        return Vault.open(home, PASSWORD.toCharArray());
    }

    GeneratedKey keygen(CurveName curve) {
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            return ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, NAMES))
                    .promise()
                    .join();
        }
    }

    TestNode node(String name) {
        return nodes.get(name);
    }

    /** What server {@code name} tells its owner about a key: a status, or UNKNOWN for 404. */
    String status(String name, UUID keyId) throws Exception {
        TestNode n = nodes.get(name);
        var r = n.send(n.entry.apiKey(), "/v1/keys/" + keyId, null);
        return r.statusCode() == 404
                ? "UNKNOWN"
                : StrictJson.mapper().readTree(r.body()).get("status").asText();
    }

    @Override
    public void close() {
        nodes.values().forEach(TestNode::close);
    }
}
