package io.keyshard.client;

import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.node.TestNode;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: three in-process nodes (ALPHA 11, BRAVO 12, CHARLIE 13) added as remote servers, the
 * way a user would with {@code servers add}: public entry in servers.json, API key sealed in the vault.
 */
final class RemoteCluster implements AutoCloseable {
    static final List<String> NAMES = List.of("ALPHA", "BRAVO", "CHARLIE");
    final Map<String, TestNode> nodes = new LinkedHashMap<>();
    private final Path home;

    RemoteCluster(Path home, Path nodesDir) throws Exception {
        this.home = home;
        int id = 11;
        for (String name : NAMES) {
            nodes.put(name, new TestNode(nodesDir.resolve(name), name, id++, Duration.ofMinutes(10)));
        }
        TestNode.pinEachOther(nodes.values());
    }

    /** Writes every node's entry into servers.json and seals it with its API key into the vault. */
    void register(Vault vault) throws Exception {
        publish(vault);
    }

    /** Registers the nodes again at their current URLs (they change on restart), as a user re-adding them would. */
    void publish(Vault vault) throws Exception {
        for (TestNode n : nodes.values()) {
            TestServers.register(home, vault, n, n.url());
        }
    }

    /**
     * Generates a key on the three nodes and stops {@code server} once the vault record is READY, so it
     * misses the commit; restarts it afterwards. Returns the key, whose commit is still pending there.
     */
    GeneratedKey keyWithMissedCommit(Workspace ws, Vault vault, CurveName curve, String server) throws Exception {
        Operation<GeneratedKey> op = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, NAMES));
        op.onProgress(p -> {
            if (p.stage() == KeygenProgress.Stage.RECORD && p.record() == KeyStatus.READY) {
                node(server).stop(); // READY in the vault, commit not yet sent
            }
        });
        GeneratedKey key = op.promise().join();
        node(server).restart();
        publish(vault);
        return key;
    }

    /** What {@code server} says about a key: PENDING, READY, ABORTED..., or UNKNOWN when it never heard of it. */
    String status(String server, UUID keyId) throws Exception {
        TestNode n = node(server);
        var r = n.send(n.entry.apiKey(), "/v1/keys/" + keyId, null);
        return r.statusCode() == 404
                ? "UNKNOWN"
                : StrictJson.mapper().readTree(r.body()).get("status").asText();
    }

    TestNode node(String name) {
        return nodes.get(name);
    }

    @Override
    public void close() {
        nodes.values().forEach(TestNode::close);
    }
}
