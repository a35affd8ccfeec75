package io.keyshard.sign;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.SignRequest;
import io.keyshard.client.TestServers;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.node.TestNode;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A harness, never a test: 2-of-3 threshold-ECDSA signing per curve against three real nodes on loopback
 * HTTPS (in this JVM), wall time per signature through {@link Workspace#sign} (p50, p95 after warm-up), and
 * the bytes client and servers exchange per signature, counted on the wire by a TCP relay in front of each
 * node (TLS included). Run: {@code java -cp <test class path> io.keyshard.sign.EcdsaSignBench [samples [curves]]},
 * curves as comma-separated names (SECP256K1,P256,P384,P521 by default).
 */
public final class EcdsaSignBench {
    private static final char[] PASSWORD = "ecdsa-bench-password".toCharArray();
    private static final List<String> NAMES = List.of("ALPHA", "BRAVO", "CHARLIE");

    private EcdsaSignBench() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<CurveName> curves = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(CurveName::valueOf).toList()
                : List.of(CurveName.SECP256K1, CurveName.P256, CurveName.P384, CurveName.P521);
        Path dir = Files.createTempDirectory("ecdsa-bench");
        Path home = dir.resolve("home");
        Map<String, TestNode> nodes = new LinkedHashMap<>();
        int id = 11;
        for (String name : NAMES) {
            nodes.put(name, new TestNode(dir.resolve("nodes").resolve(name), name, id++, Duration.ofMinutes(10)));
        }
        TestNode.pinEachOther(nodes.values());
        Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1)).close();
        List<CountingProxy> proxies = new ArrayList<>();
        for (TestNode n : nodes.values()) {
            proxies.add(new CountingProxy(n.server.port()));
        }
        StringBuilder out = new StringBuilder(
                String.format(Locale.ROOT, "%-10s %8s %8s %12s%n", "curve", "p50 ms", "p95 ms", "bytes/sig"));
        try (Vault vault = Vault.open(home, PASSWORD)) {
            for (CurveName curve : curves) {
                register(home, vault, nodes, null);
                double[] ms;
                UUID keyId;
                try (Workspace ws = Workspace.open(home, vault)) {
                    keyId = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, NAMES))
                            .promise()
                            .join()
                            .keyId();
                    for (int i = 0; i < 10; i++) {
                        sign(ws, keyId);
                    }
                    ms = new double[samples];
                    for (int i = 0; i < samples; i++) {
                        long start = System.nanoTime();
                        sign(ws, keyId);
                        ms[i] = (System.nanoTime() - start) / 1e6;
                    }
                }
                register(home, vault, nodes, proxies);
                long bytes;
                int counted = 5;
                try (Workspace ws = Workspace.open(home, vault)) {
                    sign(ws, keyId); // the TLS handshakes through the relays are not a signature's
                    long before = total(proxies);
                    for (int i = 0; i < counted; i++) {
                        sign(ws, keyId);
                    }
                    bytes = (total(proxies) - before) / counted;
                }
                Arrays.sort(ms);
                out.append(String.format(
                        Locale.ROOT,
                        "%-10s %8.1f %8.1f %12d%n",
                        curve.apiName(),
                        ms[(int) Math.ceil(0.5 * samples) - 1],
                        ms[(int) Math.ceil(0.95 * samples) - 1],
                        bytes));
                System.out.print(out);
            }
        } finally {
            for (CountingProxy p : proxies) {
                p.close();
            }
            nodes.values().forEach(TestNode::close);
        }
        System.out.println(
                "load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void sign(Workspace ws, UUID keyId) {
        byte[] message = new byte[32];
        new SecureRandom().nextBytes(message);
        ws.sign(new SignRequest(keyId, DerivationPath.of(0, 7), null, message, null, null, null))
                .promise()
                .join();
    }

    private static long total(List<CountingProxy> proxies) {
        return proxies.stream().mapToLong(CountingProxy::bytes).sum();
    }

    private static void register(Path home, Vault vault, Map<String, TestNode> nodes, List<CountingProxy> proxies)
            throws Exception {
        int k = 0;
        for (TestNode n : nodes.values()) {
            TestServers.register(
                    home, vault, n, proxies == null ? n.url() : proxies.get(k).url());
            k++;
        }
    }
}
