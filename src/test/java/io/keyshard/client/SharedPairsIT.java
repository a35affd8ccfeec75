package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
import io.keyshard.node.SetupAccess;
import io.keyshard.sign.EcdsaVerifiers;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.wire.SetupStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ECDSA pairwise setup per pair of servers and curve, on the embedded local cluster (three node processes):
 * a second key on the same servers signs at once, with no setup step reaching any node and the pairs unchanged;
 * a key on another curve does not take the first curve's pairs; a burned pair stops both keys on that pair (and
 * only that pair), and one setup among the pair's two servers makes both sign again. Node ids are fixed per
 * server (its configuration), so two keys on the same servers always number them alike: the pairs are found by
 * the identity keys the keys' records hold. Stores are read with the nodes stopped.
 */
class SharedPairsIT {
    private static final char[] PASSWORD = "it-password-123".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> ONE_TWO = List.of("OFFICIAL_1", "OFFICIAL_2");

    @TempDir
    Path home;

    @Test
    void everyKeyOfAServerPairSignsWithItsOneSetupAndABurnedPairStopsThemAllUntilOneNewSetup() throws Exception {
        KeyRecord first;
        KeyRecord second;
        Map<String, Integer> startedBefore;
        Map<String, Map<Integer, String>> pairsBefore;
        UUID again;
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            ws.startLocalCluster();
            first = keygen(ws, CurveName.SECP256K1);
            assertTrue(ws.ecdsaSetup(first.keyId()).promise().join().ran(), "the first key's servers had no pairs");
            ws.stopLocalCluster();
        }
        startedBefore = started();
        pairsBefore = pairs(first);

        try (Vault vault = Vault.open(home, PASSWORD);
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            ws.startLocalCluster();
            second = keygen(ws, CurveName.SECP256K1);
            assertEquals(
                    SigningReadiness.State.READY,
                    ws.signingReadiness(second.keyId()).state(),
                    "a further key on servers whose pairs exist signs at once");
            assertValid(second, sign(ws, second, ONE_TWO));
            assertValid(second, sign(ws, second, List.of("OFFICIAL_2", "OFFICIAL_3")));
            assertFalse(ws.ecdsaSetup(second.keyId()).promise().join().ran(), "nothing to set up");

            KeyRecord otherCurve = keygen(ws, CurveName.P256);
            assertEquals(
                    SigningReadiness.State.ON_FIRST_USE,
                    ws.signingReadiness(otherCurve.keyId()).state(),
                    "a pair is per curve: a P256 key does not use the SECP256K1 pairs");
            ws.stopLocalCluster();
        }
        assertEquals(startedBefore, started(), "no setup step reached any node for the second key");
        assertEquals(pairsBefore, pairs(first));
        assertEquals(pairsBefore, pairs(second), "both keys name the same pairs");

        // a failed OT-extension or multiplication check on node 1 with node 2 burns the pair, as a signer does
        assertTrue(SetupAccess.burn(data("OFFICIAL_1"), second.keyId(), 2));
        for (KeyRecord k : List.of(first, second)) {
            SetupAccess.Held h = SetupAccess.read(data("OFFICIAL_1"), k.keyId());
            assertEquals(SetupStatus.State.BURNED, h.status().state(), "the burn stops every key of the pair");
            assertEquals(List.of(2), h.status().burned());
        }
        try (Vault vault = Vault.open(home, PASSWORD);
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            ws.startLocalCluster();
            for (KeyRecord k : List.of(first, second)) {
                assertEquals(
                        SigningReadiness.State.ON_FIRST_USE,
                        ws.signingReadiness(k.keyId()).state(),
                        "neither key signs at once on the burned pair");
            }
            assertValid(first, sign(ws, first, List.of("OFFICIAL_1", "OFFICIAL_3")));
            EcdsaSetupResult redone = ws.ecdsaSetup(first.keyId()).promise().join();
            assertTrue(redone.ran(), "the burned pair is set up again");
            again = redone.setupId();
            assertEquals(
                    SigningReadiness.State.READY,
                    ws.signingReadiness(second.keyId()).state(),
                    "the one new setup serves the other key too");
            assertValid(first, sign(ws, first, ONE_TWO));
            assertValid(second, sign(ws, second, ONE_TWO));
            ws.stopLocalCluster();
        }
        Map<String, Integer> startedAfter = started();
        assertEquals(startedBefore.get("OFFICIAL_1") + 1, startedAfter.get("OFFICIAL_1"));
        assertEquals(startedBefore.get("OFFICIAL_2") + 1, startedAfter.get("OFFICIAL_2"));
        assertEquals(
                startedBefore.get("OFFICIAL_3"),
                startedAfter.get("OFFICIAL_3"),
                "only the servers of the burned pair took part in the new setup");
        Map<String, Map<Integer, String>> pairsAfter = pairs(second);
        assertEquals(again.toString(), pairsAfter.get("OFFICIAL_1").get(2));
        assertEquals(again.toString(), pairsAfter.get("OFFICIAL_2").get(1));
        assertEquals(
                pairsBefore.get("OFFICIAL_1").get(3),
                pairsAfter.get("OFFICIAL_1").get(3),
                "1-3 kept");
        assertEquals(
                pairsBefore.get("OFFICIAL_3").get(2),
                pairsAfter.get("OFFICIAL_3").get(2),
                "2-3 kept");
        assertEquals(pairsAfter, pairs(first));
    }

    /** A 2-of-3 key on the local cluster with no setup started by key generation. */
    private static KeyRecord keygen(Workspace ws, CurveName curve) {
        return ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, LocalCluster.NAMES))
                .promise()
                .join()
                .record();
    }

    /** A signing of a fresh message, which neither runs nor waits for a pairwise setup. */
    private static Signed sign(Workspace ws, KeyRecord key, List<String> servers) {
        byte[] message = ("shared pairs " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        List<String> steps = new CopyOnWriteArrayList<>();
        SignResult r = ws.sign(
                        new SignRequest(key.keyId(), DerivationPath.parse("m/3"), null, message, servers, null, null))
                .onProgress(p -> steps.add(p.detail()))
                .promise()
                .join();
        assertEquals(servers, r.signers());
        assertFalse(steps.stream().anyMatch(d -> d.contains("setting up ECDSA signing")), steps.toString());
        return new Signed(message, r);
    }

    private record Signed(byte[] message, SignResult result) {}

    private static void assertValid(KeyRecord key, Signed s) throws Exception {
        byte[] digest = EcdsaVerifiers.hash(key.curve(), s.message());
        assertTrue(EcdsaVerifiers.bouncyCastle(
                key.curve(), s.result().publicKey(), digest, s.result().der()));
    }

    /** Setups started on each stopped node. */
    private Map<String, Integer> started() throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (String name : LocalCluster.NAMES) {
            out.put(name, SetupAccess.started(data(name)));
        }
        return out;
    }

    /** The pair setup id each stopped node reports, with each other server of {@code key}. */
    private Map<String, Map<Integer, String>> pairs(KeyRecord key) throws Exception {
        Map<String, Map<Integer, String>> out = new TreeMap<>();
        for (String name : LocalCluster.NAMES) {
            out.put(name, SetupAccess.read(data(name), key.keyId()).status().pairs());
        }
        return out;
    }

    private Path data(String name) {
        return home.resolve("nodes").resolve(name).resolve("data");
    }
}
