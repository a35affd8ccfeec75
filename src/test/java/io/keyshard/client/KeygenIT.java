package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.node.NodeStoreReader;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import io.keyshard.wire.KeyState;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every curve x {2-of-2, 2-of-3, 3-of-3} on the embedded local cluster (three node processes,
 * pinned HTTPS, real H2 stores, a real vault). Afterwards, with the nodes stopped, the test alone
 * reads the sealed shares from the node stores and checks the key they make. Prints keygen times.
 */
class KeygenIT {
    private static final char[] PASSWORD = "it-password-123".toCharArray();

    @TempDir
    Path home;

    private record Shape(int t, List<String> servers) {}

    @Test
    void everyCurveAndShapeGivesAKeyWhoseSharesInterpolateToTheRootKey() throws Exception {
        List<Shape> shapes = List.of(
                new Shape(2, List.of("OFFICIAL_1", "OFFICIAL_2")),
                new Shape(2, LocalCluster.NAMES),
                new Shape(3, LocalCluster.NAMES));
        List<KeyRecord> made = new ArrayList<>();
        Map<CurveName, Long> networkedMs = new LinkedHashMap<>();
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault)) {
            ws.startLocalCluster();
            ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.P256, 2, LocalCluster.NAMES))
                    .promise()
                    .join(); // warm-up, so the timings below are not JIT start-up
            for (CurveName curve : CurveName.values()) {
                for (Shape shape : shapes) {
                    long start = System.nanoTime();
                    GeneratedKey key = ws.call(
                                    ComponentModule.GENERATE_KEY_SHARE,
                                    new KeygenRequest(curve, shape.t(), shape.servers(), curve + " " + shape.t()))
                            .promise()
                            .join();
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (shape.t() == 2 && shape.servers().size() == 3) {
                        networkedMs.put(curve, ms);
                    }
                    assertEquals(KeyStatus.READY, key.record().status());
                    assertTrue(key.commitPending().isEmpty());
                    assertEquals(
                            key.record(), vault.get(key.keyId()).orElseThrow(), "the vault holds the READY record");
                    made.add(key.record());
                }
            }
        }
        report(networkedMs);
        Map<String, Map<UUID, NodeStoreReader.Held>> held = new HashMap<>();
        for (String name : LocalCluster.NAMES) {
            held.put(
                    name,
                    NodeStoreReader.read(home.resolve("nodes").resolve(name).resolve("data")));
        }
        for (KeyRecord r : made) {
            checkShares(r, held);
        }
    }

    private static void checkShares(KeyRecord r, Map<String, Map<UUID, NodeStoreReader.Held>> held) {
        Curve curve = r.curve().curve();
        String what = r.curve() + " " + r.threshold() + "-of-" + r.servers().size();
        assertEquals(64, r.chainCode().length(), what + ": 32-byte chain code");
        Map<Integer, BigInteger> shares = new LinkedHashMap<>();
        for (String name : r.servers()) {
            NodeStoreReader.Held h = held.get(name).get(r.keyId());
            assertNotNull(h, what + ": " + name + " holds the key");
            assertEquals(KeyState.READY, h.state(), what + ": committed on " + name);
            int id = Integer.parseInt(name.substring("OFFICIAL_".length()));
            shares.put(id, h.share());
            assertEquals(
                    r.verificationShares().get(name),
                    Hex.encode(curve.multiplyBase(h.share()).encode()),
                    what + ": " + name + "'s share matches its verification share");
        }
        List<Integer> ids = new ArrayList<>(shares.keySet());
        String first = publicKey(curve, shares, ids.subList(0, r.threshold()));
        String last = publicKey(curve, shares, ids.subList(ids.size() - r.threshold(), ids.size()));
        assertEquals(r.rootPublicKey(), first, what + ": t shares give the root public key");
        assertEquals(r.rootPublicKey(), last, what + ": any t shares give the root public key");
        assertNotEquals(
                r.rootPublicKey(),
                publicKey(curve, shares, ids.subList(0, r.threshold() - 1)),
                what + ": t-1 shares give another key");
    }

    /** secret = Σ λ_i x_i at 0 over {@code ids}, independently of the product's Lagrange code; returns secret·G. */
    private static String publicKey(Curve curve, Map<Integer, BigInteger> shares, List<Integer> ids) {
        BigInteger n = curve.order();
        BigInteger secret = BigInteger.ZERO;
        for (int i : ids) {
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            for (int j : ids) {
                if (j != i) {
                    num = num.multiply(BigInteger.valueOf(-j)).mod(n);
                    den = den.multiply(BigInteger.valueOf(i - j)).mod(n);
                }
            }
            secret = secret.add(shares.get(i).multiply(num).multiply(den.modInverse(n)))
                    .mod(n);
        }
        return Hex.encode(curve.encodePublicKey(curve.multiplyBase(secret)));
    }

    private static void report(Map<CurveName, Long> networkedMs) {
        StringBuilder sb =
                new StringBuilder("\nkeygen 2-of-3 on the local cluster (ms) vs the same protocol in memory (ms)\n");
        for (Map.Entry<CurveName, Long> e : networkedMs.entrySet()) {
            long start = System.nanoTime();
            InMemoryDkg.run(e.getKey(), 2, List.of(1, 2, 3));
            long memMs = (System.nanoTime() - start) / 1_000_000;
            sb.append(String.format("%-18s %8d %8d%n", e.getKey().apiName(), e.getValue(), memMs));
        }
        System.out.println(sb);
    }
}
