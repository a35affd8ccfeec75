package io.keyshard.bench;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.SignRequest;
import io.keyshard.client.TestServers;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.node.TestNode;
import io.keyshard.sign.CountingProxy;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bytes on the wire per threshold-ECDSA signature, TLS included, counted by a TCP relay in front of each
 * of seven nodes run in this process (what a signature sends depends on the curve and the signer count
 * only, not on where the nodes run): the client's requests and the nodes' answers of all three rounds.
 */
final class EcdsaWireBytes implements AutoCloseable {
    private static final char[] PASSWORD = "wire-bytes-password".toCharArray();
    private static final List<String> NAMES = List.of("ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF");
    private static final int COUNTED = 3;

    private final Map<String, TestNode> nodes = new LinkedHashMap<>();
    private final List<CountingProxy> proxies = new ArrayList<>();
    private final Vault vault;
    private final Workspace workspace;

    private EcdsaWireBytes(Path dir) throws Exception {
        int id = 11; // ids 1-3 are the official servers'
        for (String name : NAMES) {
            nodes.put(name, new TestNode(dir.resolve("nodes").resolve(name), name, id++, Duration.ofMinutes(30)));
        }
        TestNode.pinEachOther(nodes.values());
        Path home = dir.resolve("home");
        Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1)).close();
        this.vault = Vault.open(home, PASSWORD);
        for (TestNode n : nodes.values()) {
            CountingProxy proxy = new CountingProxy(n.server.port());
            proxies.add(proxy);
            TestServers.register(home, vault, n, proxy.url());
        }
        this.workspace = Workspace.open(home, vault);
    }

    /**
     * Bytes per signature for each curve and (threshold, servers) of {@code shapes}, keyed "CURVE t n"; a
     * key whose setup or signing fails (a loaded machine's round timeouts) is left out and noted.
     */
    static Map<String, Integer> measure(Collection<CurveName> curves, List<int[]> shapes, BenchTable table)
            throws Exception {
        Path dir = Files.createTempDirectory("ecdsa-wire-bytes");
        Map<String, Integer> out = new HashMap<>();
        try (EcdsaWireBytes w = new EcdsaWireBytes(dir)) {
            for (CurveName curve : curves) {
                for (int[] shape : shapes) {
                    String key = key(curve, shape[0], shape[1]);
                    try {
                        out.put(key, w.perSignature(curve, shape[0], shape[1]));
                    } catch (RuntimeException e) {
                        table.note("sign: bytes per signature of " + key + " not measured: " + e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    static String key(CurveName curve, int threshold, int servers) {
        return curve.apiName() + " " + threshold + " " + servers;
    }

    private int perSignature(CurveName curve, int threshold, int servers) {
        UUID keyId = workspace
                .call(
                        ComponentModule.GENERATE_KEY_SHARE,
                        new KeygenRequest(curve, threshold, NAMES.subList(0, servers)))
                .promise()
                .join()
                .keyId();
        sign(keyId); // the pairwise setup's last steps and the TLS handshakes are not a signature's
        long before = total();
        for (int i = 0; i < COUNTED; i++) {
            sign(keyId);
        }
        return (int) ((total() - before) / COUNTED);
    }

    private void sign(UUID keyId) {
        workspace
                .sign(new SignRequest(keyId, SignBench.PATH, null, SignBench.message(), null, null, null))
                .promise()
                .join();
    }

    private long total() {
        return proxies.stream().mapToLong(CountingProxy::bytes).sum();
    }

    @Override
    public void close() throws IOException {
        workspace.close();
        vault.close();
        for (CountingProxy p : proxies) {
            p.close();
        }
        nodes.values().forEach(TestNode::close);
    }
}
