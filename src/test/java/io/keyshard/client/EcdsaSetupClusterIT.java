package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.curve.CurveName;
import io.keyshard.derive.DerivationPath;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECDSA pairwise setup on the embedded local cluster (three node processes): started by key generation in
 * the background (its time and bytes for a 2-of-3 key printed), joined by a signing started meanwhile, and a
 * server killed with SIGKILL in the middle of step 3, of that background setup or of one run by hand, which
 * leaves every server with one whole setup (old or new, or none) and never part of one; the next run or signing
 * leaves all three with the same setup. Stores are read with the nodes stopped.
 */
class EcdsaSetupClusterIT {
    private static final char[] PASSWORD = "it-password-123".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void keyGenerationSetsUpSigningInTheBackgroundAndEveryServerHoldsItWithoutASigning() throws Exception {
        KeyRecord key;
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            GeneratedKey made = keygenSettingUpSigning(ws, CurveName.SECP256K1);
            key = made.record();
            assertEquals(
                    SigningReadiness.State.SETTING_UP,
                    ws.signingReadiness(made.keyId()).state());
            EcdsaSetupResult background = ws.ecdsaSetup(made.keyId()).promise().join();
            assertTrue(background.ran(), "the call joined the setup key generation started");
            assertFalse(ws.settingUpSigning(made.keyId()), "the setup has ended");
            assertEquals(
                    SigningReadiness.of(SigningReadiness.State.READY),
                    ws.signingReadinessAfterSetup(made.keyId()).join(),
                    "every server reports the same complete setup");
            for (NodeConnection c : ws.signConnections(key).values()) {
                assertEquals(
                        background.setupId().toString(),
                        c.ecdsaSetupStatus(key.keyId(), TIMEOUT).join().setupId(),
                        c.name());
            }
            System.out.printf(
                    "ecdsaSetup curve=SECP256K1 threshold=2 servers=3 after keygen ms=%d bytes=%d%n",
                    background.took().toMillis(), background.bytesRelayed());
            ws.stopLocalCluster();
        }
        checkConsistent(key);
    }

    @Test
    void aSigningStartedRightAfterKeyGenerationJoinsItsSetupInsteadOfRunningAnother() throws Exception {
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            KeyRecord key = keygenSettingUpSigning(ws, CurveName.P256).record();
            Operation<EcdsaSetupResult> background = ws.ecdsaSetup(key.keyId());
            List<String> steps = new CopyOnWriteArrayList<>();
            SignResult signed = ws.sign(new SignRequest(
                            key.keyId(),
                            DerivationPath.parse("m/0/1"),
                            null,
                            "right after keygen".getBytes(StandardCharsets.UTF_8),
                            null,
                            null,
                            null))
                    .onProgress(p -> steps.add(p.detail()))
                    .promise()
                    .join();
            assertEquals(2, signed.signers().size());
            assertTrue(
                    steps.stream().anyMatch(d -> d.contains("setting up ECDSA signing")),
                    "the signing waited on the setup: " + steps);
            UUID setupId = background.promise().join().setupId();
            for (NodeConnection c : ws.signConnections(key).values()) {
                assertEquals(
                        setupId.toString(),
                        c.ecdsaSetupStatus(key.keyId(), TIMEOUT).join().setupId(),
                        c.name() + " holds the setup key generation started, not a second one");
            }
            ws.stopLocalCluster();
        }
    }

    @Test
    void aServerKilledDuringTheBackgroundSetupHoldsNoHalfSetupAndTheNextSigningCompletesIt() throws Exception {
        KeyRecord key;
        try (Vault vault = Vault.create(home, PASSWORD, new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            key = keygenSettingUpSigning(ws, CurveName.SECP256K1).record();
            CountDownLatch stepThree = new CountDownLatch(1);
            Operation<EcdsaSetupResult> background = ws.ecdsaSetup(key.keyId()).onProgress(p -> {
                if (p.phase() == Phase.ROUND3 && p.stage() == KeygenProgress.Stage.SENT) {
                    stepThree.countDown();
                }
            });
            assertTrue(stepThree.await(120, TimeUnit.SECONDS), "the background setup reached step 3");
            kill9(data("OFFICIAL_3"));
            try {
                background.promise().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // the killed server's answer is lost: the setup failed, and the key says so
                assertEquals(
                        SigningReadiness.State.ON_FIRST_USE,
                        ws.signingReadinessAfterSetup(key.keyId()).join().state());
            }
            ws.stopLocalCluster();
        }
        for (String name : LocalCluster.NAMES) {
            SetupAccess.Held h = SetupAccess.read(data(name), key.keyId());
            assertTrue(h.refused().isEmpty(), name + " loads every pair of what it holds: " + h.refused());
            if (h.status().state() == SetupStatus.State.COMPLETE) {
                UUID id = UUID.fromString(h.status().setupId());
                h.pairs().values().forEach(p -> assertEquals(id, p.setupId(), name + ": every pair of one setup"));
            } else {
                assertEquals(SetupStatus.State.NONE, h.status().state(), name);
                assertTrue(h.pairs().isEmpty(), name + " holds no pair of an unfinished setup");
            }
        }
        try (Vault vault = Vault.open(home, PASSWORD);
                Workspace ws = Workspace.open(home, vault, TIMEOUT)) {
            // with the killed server, so a setup it missed must be completed first
            SignResult signed = ws.sign(new SignRequest(
                            key.keyId(),
                            DerivationPath.parse("m/7"),
                            null,
                            "after the kill".getBytes(StandardCharsets.UTF_8),
                            List.of("OFFICIAL_2", "OFFICIAL_3"),
                            null,
                            null))
                    .promise()
                    .join();
            assertEquals(List.of("OFFICIAL_2", "OFFICIAL_3"), signed.signers());
            assertEquals(
                    SigningReadiness.State.READY,
                    ws.signingReadiness(key.keyId()).state());
            ws.stopLocalCluster();
        }
        checkConsistent(key);
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
                                toEachAgain.get(c.info().id()),
                                SetupRequest.VERSION),
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

    /** A 2-of-3 key on the local cluster, made as the app makes it: its signing setup has started, not ended. */
    private static GeneratedKey keygenSettingUpSigning(Workspace ws, CurveName curve) throws Exception {
        ws.setUpSigningAfterKeygen(true);
        ws.startLocalCluster();
        GeneratedKey made = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, LocalCluster.NAMES))
                .promise()
                .join();
        assertTrue(ws.settingUpSigning(made.keyId()), "the result came back before the setup ended");
        return made;
    }

    /** With the nodes stopped: every server holds every pair of the key, and both ends of every pair match. */
    private void checkConsistent(KeyRecord key) throws Exception {
        Map<Integer, SetupAccess.Held> held = new TreeMap<>();
        for (String name : LocalCluster.NAMES) {
            held.put(Integer.parseInt(name.substring("OFFICIAL_".length())), SetupAccess.read(data(name), key.keyId()));
        }
        for (Map.Entry<Integer, SetupAccess.Held> e : held.entrySet()) {
            int i = e.getKey();
            assertEquals(SetupStatus.State.COMPLETE, e.getValue().status().state(), key.curve() + " at " + i);
            for (int j : held.keySet()) {
                if (i != j) {
                    SetupAccess.Pair atI = e.getValue().pairs().get(j);
                    SetupAccess.Pair atJ = held.get(j).pairs().get(i);
                    assertEquals(
                            atI.setupId(), atJ.setupId(), key.curve() + ": one setup at both ends of " + i + "-" + j);
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
                                toEach == null ? List.of() : toEach.get(c.info().id()),
                                SetupRequest.VERSION),
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
