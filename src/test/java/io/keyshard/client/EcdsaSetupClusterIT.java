package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.curve.CurveName;
import io.keyshard.node.SetupAccess;
import io.keyshard.pairwise.SeedCheck;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECDSA pairwise setup on the embedded local cluster (three node processes): started by key generation
 * in the background, its time and bytes for a 2-of-3 secp256k1 key on node processes, and a server killed with SIGKILL in the
 * middle of step 3, which leaves every server with one whole setup (old or new) and never part of one;
 * the next run leaves all three with the same setup. Stores are read with the nodes stopped.
 */
class EcdsaSetupClusterIT {
    private static final char[] PASSWORD = "it-password-123".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int RUNS = 1;

    @TempDir
    Path home;

    @Test
    void aSetupLeavesMatchingSeedsOnEveryServerAndIsTimed() throws Exception {
        Map<CurveName, String> report = new LinkedHashMap<>();
        List<KeyRecord> keys = new ArrayList<>();
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            ws.startLocalCluster();
            for (CurveName curve : List.of(CurveName.SECP256K1)) {
                GeneratedKey made = ws.call(
                                ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, LocalCluster.NAMES))
                        .promise()
                        .join();
                EcdsaSetupResult first = ws.ecdsaSetup(made.keyId()).promise().join();
                assertEquals(made.keyId(), first.keyId());
                assertFalse(ws.settingUpSigning(made.keyId()), "the setup has ended");
                List<Long> ms = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i < RUNS; i++) {
                    EcdsaSetupResult r = new EcdsaSetupRun(
                                    made.record(), ws.signConnections(made.record()), new Operation<>(), TIMEOUT)
                            .run();
                    ms.add(r.took().toMillis());
                    bytes = r.bytesRelayed();
                }
                List<Long> sorted = ms.stream().sorted().toList();
                report.put(
                        curve,
                        String.format(
                                "ecdsaSetup curve=%s threshold=2 servers=3 p50Ms=%d minMs=%d maxMs=%d bytes=%d runs=%s",
                                curve, sorted.get(RUNS / 2), sorted.get(0), sorted.get(RUNS - 1), bytes, ms));
                keys.add(made.record());
            }
        }
        report.values().forEach(System.out::println);
        for (KeyRecord key : keys) {
            checkConsistent(key);
        }
    }

    @Test
    void aServerKilledDuringStepThreeHoldsOneWholeSetupAndTheNextRunAlignsThemAll() throws Exception {
        KeyRecord key;
        UUID before;
        UUID interrupted = UUID.randomUUID();
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            ws.startLocalCluster();
            key = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.SECP256K1, 2, LocalCluster.NAMES))
                    .promise()
                    .join()
                    .record();
            before = ws.ecdsaSetup(key.keyId()).promise().join().setupId();
            Map<String, NodeConnection> servers = ws.signConnections(key);
            Map<Integer, List<SetupMessage>> toEach = relay(steps(key, servers, "step1", interrupted, null));
            Map<Integer, List<SetupMessage>> toEachAgain = relay(steps(key, servers, "step2", interrupted, toEach));
            List<CompletableFuture<SetupStatus>> third = new ArrayList<>();
            for (NodeConnection c : servers.values()) {
                third.add(c.ecdsaSetup(
                        key.keyId(),
                        "step3",
                        new SetupRequest(
                                interrupted.toString(),
                                List.of(1, 2, 3),
                                toEachAgain.get(c.info().id())),
                        SetupStatus.class,
                        TIMEOUT));
            }
            kill9(home.resolve("nodes").resolve("OFFICIAL_3").resolve("data"));
            for (CompletableFuture<SetupStatus> f : third) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the killed server's answer is lost; the others answer
                }
            }
            ws.stopLocalCluster();
        }
        List<UUID> held = new ArrayList<>();
        for (String name : LocalCluster.NAMES) {
            SetupAccess.Held h = SetupAccess.read(data(name), key.keyId());
            assertEquals(SetupStatus.State.COMPLETE, h.status().state(), name + ": " + h.refused());
            assertTrue(h.refused().isEmpty(), name + " loads every pair of its setup: " + h.refused());
            UUID id = UUID.fromString(h.status().setupId());
            assertTrue(id.equals(before) || id.equals(interrupted), name + " holds the old or the new setup");
            h.pairs().values().forEach(p -> assertEquals(id, p.setupId(), name + ": every pair of one setup"));
            held.add(id);
        }
        assertEquals(interrupted, held.get(0), "a server that answered step 3 holds the new setup");
        try (Vault vault = Vault.open(home, PASSWORD);
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            EcdsaSetupResult r = ws.ecdsaSetup(key.keyId()).promise().join();
            assertEquals(!held.get(2).equals(interrupted), r.ran(), "a mixed cluster runs a new setup, else none");
            ws.stopLocalCluster();
        }
        checkConsistent(key);
    }

    /** With the nodes stopped: every server holds the same complete setup and both ends of every pair match. */
    private void checkConsistent(KeyRecord key) throws Exception {
        Map<Integer, SetupAccess.Held> held = new TreeMap<>();
        for (String name : LocalCluster.NAMES) {
            held.put(Integer.parseInt(name.substring("OFFICIAL_".length())), SetupAccess.read(data(name), key.keyId()));
        }
        String setupId = held.get(1).status().setupId();
        for (Map.Entry<Integer, SetupAccess.Held> e : held.entrySet()) {
            int i = e.getKey();
            assertEquals(SetupStatus.State.COMPLETE, e.getValue().status().state(), key.curve() + " at " + i);
            assertEquals(setupId, e.getValue().status().setupId(), key.curve() + ": one setup everywhere");
            for (int j : held.keySet()) {
                if (i != j) {
                    SetupAccess.Pair atI = e.getValue().pairs().get(j);
                    SetupAccess.Pair atJ = held.get(j).pairs().get(i);
                    assertTrue(
                            SeedCheck.correlated(key.curve(), i, atI.asSender(), j, atJ.asReceiver()),
                            key.curve() + " " + i + " -> " + j);
                    assertArrayEquals(atI.zeroSeed(), atJ.zeroSeed());
                }
            }
        }
    }

    private Path data(String name) {
        return home.resolve("nodes").resolve(name).resolve("data");
    }

    private static List<SetupAnswer> steps(
            KeyRecord key,
            Map<String, NodeConnection> servers,
            String step,
            UUID setupId,
            Map<Integer, List<SetupMessage>> toEach) {
        return ParallelRound.run(
                new Operation<>(),
                EcdsaSetupRun.ACTIVITY,
                Phase.ROUND1,
                new ArrayList<>(servers.values()),
                c -> c.ecdsaSetup(
                        key.keyId(),
                        step,
                        new SetupRequest(
                                setupId.toString(),
                                List.of(1, 2, 3),
                                toEach == null ? List.of() : toEach.get(c.info().id())),
                        SetupAnswer.class,
                        TIMEOUT));
    }

    private static Map<Integer, List<SetupMessage>> relay(List<SetupAnswer> answers) {
        Map<Integer, List<SetupMessage>> out = new TreeMap<>();
        for (SetupAnswer a : answers) {
            for (SetupMessage m : a.messages()) {
                out.computeIfAbsent(m.recipient(), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    private static void kill9(Path data) throws Exception {
        String pid = Files.readString(data.resolve("node.pid"), StandardCharsets.US_ASCII)
                .trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -9 " + pid);
    }
}
