package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ExitCoded;
import io.keyshard.curve.CurveName;
import io.keyshard.node.TestNode;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Failures on real servers: a server stopped before or during each round, a cancelled run, and a
 * client process killed mid-keygen. Each must end with a named cause, no READY share anywhere
 * for a failed key, and no PENDING vault record left after the next start.
 */
class KeygenFailureIT {
    private static final String PASSWORD = "failure-it-password";

    @TempDir
    static Path dir;

    static Path home;
    static RemoteCluster cluster;

    @BeforeAll
    static void setUp() throws Exception {
        home = dir.resolve("home");
        cluster = new RemoteCluster(home, dir.resolve("nodes"));
        try (Vault vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1))) {
            cluster.register(vault);
        }
    }

    @AfterAll
    static void tearDown() {
        cluster.close();
    }

    private static Vault openVault() {
        return Vault.open(home, PASSWORD.toCharArray());
    }

    /** Every node running again, with its current URL in servers.json. */
    private static void allUp() throws Exception {
        for (TestNode n : cluster.nodes.values()) {
            try {
                n.send(null, "/v1/health", null);
            } catch (Exception down) {
                n.restart();
            }
        }
        try (Vault vault = openVault()) {
            cluster.publish(vault);
        }
    }

    private static UUID newest(Vault vault, Set<UUID> before) {
        List<UUID> added = new ArrayList<>();
        vault.list().forEach(r -> {
            if (!before.contains(r.keyId())) {
                added.add(r.keyId());
            }
        });
        assertEquals(1, added.size(), "exactly one new record");
        return added.get(0);
    }

    private static Set<UUID> ids(Vault vault) {
        Set<UUID> s = new HashSet<>();
        vault.list().forEach(r -> s.add(r.keyId()));
        return s;
    }

    @ParameterizedTest(name = "BRAVO stopped {1} round {0}")
    @CsvSource({"1,before", "1,during", "2,before", "2,during", "3,before", "3,during"})
    void aStoppedServerFailsTheRunCleanlyAndIsNamed(int round, String when) throws Exception {
        allUp();
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            Set<UUID> before = ids(vault);
            Operation<GeneratedKey> op = ws.call(
                    ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.ED25519, 2, RemoteCluster.NAMES));
            op.onProgress(p -> {
                boolean hit = when.equals("before")
                        ? p.stage() == KeygenProgress.Stage.SENT
                                && p.phase() == KeygenProgress.Phase.values()[round]
                                && "BRAVO".equals(p.server())
                        : p.stage() == KeygenProgress.Stage.DONE
                                && p.phase() == KeygenProgress.Phase.values()[round]
                                && "ALPHA".equals(p.server());
                if (hit) {
                    cluster.node("BRAVO").stop();
                }
            });
            GeneratedKey key = null;
            KeygenException failure = null;
            try {
                key = op.promise().join();
            } catch (CompletionException e) {
                failure = (KeygenException) e.getCause();
            }
            UUID keyId = newest(vault, before);
            KeyRecord record = vault.get(keyId).orElseThrow();
            cluster.node("BRAVO").restart();
            cluster.publish(vault);
            if (failure != null) {
                assertEquals("BRAVO", failure.server(), failure.getMessage());
                assertTrue(failure.getMessage().contains("server BRAVO"), failure.getMessage());
                assertEquals(ExitCoded.SERVER, failure.exitCode());
                if (record.status() == KeyStatus.FAILED) {
                    // in round 3 too when the abort overtook CHARLIE's round 3: it signed that it holds no result
                    assertNull(failure.pendingNote(), failure.getMessage());
                    assertTrue(record.failureReason().contains("BRAVO"), record.failureReason());
                } else {
                    // ALPHA and CHARLIE hold their round-3 result: with BRAVO unreachable nothing proves that the
                    // key can never be committed, so the record waits for BRAVO and the next start settles it.
                    // a stop as round 2 ends is noticed in round 3 when BRAVO had already answered round 2
                    assertTrue(
                            round >= 2 && failure.getMessage().contains("in round 3"),
                            "only a failure in round 3 leaves shares that wait: " + failure.getMessage());
                    assertEquals(KeyStatus.PENDING, record.status());
                    assertTrue(failure.pendingNote().contains("it waits for BRAVO"), failure.getMessage());
                    assertEquals("PENDING", cluster.status("ALPHA", keyId));
                    assertEquals("PENDING", cluster.status("CHARLIE", keyId));
                    ws.resolvePending();
                    if (vault.get(keyId).orElseThrow().status() == KeyStatus.READY) {
                        // BRAVO had stored its result before it stopped: the key is whole, so it is committed.
                        assertEquals("3,during", round + "," + when, "BRAVO stopped before round 3 holds no result");
                        for (String s : RemoteCluster.NAMES) {
                            assertEquals("READY", cluster.status(s, keyId), s);
                        }
                        return;
                    }
                    assertEquals(
                            KeyStatus.FAILED, vault.get(keyId).orElseThrow().status());
                }
                for (String s : RemoteCluster.NAMES) {
                    String st = cluster.status(s, keyId);
                    assertNotEquals("READY", st, s + " must hold no READY share");
                    assertNotEquals("PENDING", st, s + " must keep no share of a failed key");
                }
            } else {
                // BRAVO answered round 3 before it stopped: the key is whole; only its commit is missing.
                assertEquals("3,during", round + "," + when, "only a stop after the last round may succeed");
                assertEquals(KeyStatus.READY, record.status());
                assertEquals(List.of("BRAVO"), key.commitPending());
                assertEquals("PENDING", cluster.status("BRAVO", keyId));
                ws.resolvePending();
                assertEquals("READY", cluster.status("BRAVO", keyId), "the missed commit is re-sent on the next start");
            }
        }
    }

    @Test
    void cancelAbortsEverywhereAndMarksTheRecordFailed() throws Exception {
        allUp();
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            Set<UUID> before = ids(vault);
            Operation<GeneratedKey> op = ws.call(
                    ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.P384, 3, RemoteCluster.NAMES));
            op.onProgress(p -> {
                if (p.stage() == KeygenProgress.Stage.DONE && p.phase() == KeygenProgress.Phase.ROUND1) {
                    op.cancel();
                }
            });
            CompletionException e = Assertions.assertThrows(
                    CompletionException.class, () -> op.promise().join());
            assertTrue(
                    e.getCause().getMessage().contains("cancelled"),
                    e.getCause().getMessage());
            UUID keyId = newest(vault, before);
            assertEquals(KeyStatus.FAILED, vault.get(keyId).orElseThrow().status());
            for (String s : RemoteCluster.NAMES) {
                assertEquals("ABORTED", cluster.status(s, keyId), s);
            }
        }
    }

    @Test
    void aCancelAfterEveryServerStoredTheSameResultKeepsTheKeyAndSaysSo() throws Exception {
        allUp();
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            Set<UUID> before = ids(vault);
            Operation<GeneratedKey> op = ws.call(
                    ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.P256, 2, RemoteCluster.NAMES));
            AtomicInteger answered = new AtomicInteger();
            op.onProgress(p -> {
                // the last server's round-3 answer is in: every server stored its result, the commit is not sent
                if (p.stage() == KeygenProgress.Stage.DONE
                        && p.phase() == KeygenProgress.Phase.ROUND3
                        && answered.incrementAndGet() == RemoteCluster.NAMES.size()) {
                    op.cancel();
                }
            });
            GeneratedKey key = op.promise().join();
            UUID keyId = newest(vault, before);
            assertEquals(keyId, key.keyId());
            assertEquals(KeyStatus.READY, vault.get(keyId).orElseThrow().status());
            assertTrue(
                    key.note().startsWith("The key generation was cancelled after every server had already stored"),
                    key.note());
            assertTrue(key.note().contains("so it was kept and is READY"), key.note());
            assertTrue(key.note().contains("Archive or delete it if you do not want it"), key.note());
            assertEquals(List.of(), key.commitPending());
            for (String s : RemoteCluster.NAMES) {
                assertEquals("READY", cluster.status(s, keyId), s + " keeps its share of the complete key");
            }
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsNamed() throws Exception {
        allUp();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Vault vault = openVault()) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept()); // accept, then never answer
                    }
                } catch (IOException closed) {
                    held.forEach(s -> {
                        try {
                            s.close();
                        } catch (IOException ignored) {
                            // test cleanup
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            TestServers.register(
                    home,
                    vault,
                    "SILENT",
                    new ServerInfo(
                            "https://127.0.0.1:" + silent.getLocalPort(),
                            19,
                            cluster.node("ALPHA").entry.certSha256(),
                            false),
                    "ksk_x");
            Set<UUID> before = ids(vault);
            try (Workspace ws = Workspace.open(home, vault, Duration.ofSeconds(2))) {
                CompletionException e = Assertions.assertThrows(
                        CompletionException.class,
                        () -> ws.call(
                                        ComponentModule.GENERATE_KEY_SHARE,
                                        new KeygenRequest(CurveName.P256, 2, List.of("ALPHA", "SILENT")))
                                .promise()
                                .join());
                KeygenException failure = (KeygenException) e.getCause();
                assertEquals("SILENT", failure.server(), failure.getMessage());
                assertTrue(failure.getMessage().contains("in time"), failure.getMessage());
                assertEquals(ExitCoded.SERVER, failure.exitCode());
            } finally {
                ServersConfig.load(home).without("SILENT").save();
            }
            assertEquals(before, ids(vault), "a run that fails before round 1 writes no record");
        }
    }

    @Test
    void aKeyEveryServerConfirmedIsNotAskedAboutAgainButOneWithAMissedCommitIs() throws Exception {
        allUp();
        UUID confirmed;
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            GeneratedKey key = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.SECP256K1, 2, RemoteCluster.NAMES))
                    .promise()
                    .join();
            assertTrue(key.commitPending().isEmpty());
            confirmed = key.keyId();
        } // closing the client writes the ledger of confirmed commits into the vault
        for (String s : RemoteCluster.NAMES) {
            assertEquals("READY", cluster.status(s, confirmed), s);
        }
        cluster.node("BRAVO").stop();
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            // with BRAVO down, any key the check asked about would come back "left for the next start"
            List<ResolvedKey> outcomes = ws.resolvePending();
            assertTrue(outcomes.stream().noneMatch(o -> o.keyId().equals(confirmed)), outcomes.toString());
        } finally {
            cluster.node("BRAVO").restart();
            try (Vault vault = openVault()) {
                cluster.publish(vault);
            }
        }
        // a commit BRAVO missed: not in the ledger, so the next check asks and re-sends it
        UUID missed;
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            GeneratedKey key = cluster.keyWithMissedCommit(ws, vault, CurveName.SECP256K1, "BRAVO");
            assertEquals(List.of("BRAVO"), key.commitPending());
            missed = key.keyId();
        }
        assertEquals("PENDING", cluster.status("BRAVO", missed));
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            ws.resolvePending();
        }
        assertEquals("READY", cluster.status("BRAVO", missed), "the missed commit is re-sent");
        cluster.node("BRAVO").stop();
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            List<ResolvedKey> outcomes = ws.resolvePending();
            assertTrue(
                    outcomes.stream().noneMatch(o -> o.keyId().equals(missed)),
                    "confirmed once the re-sent commit landed everywhere: " + outcomes);
        } finally {
            cluster.node("BRAVO").restart();
            try (Vault vault = openVault()) {
                cluster.publish(vault);
            }
        }
    }

    @ParameterizedTest(name = "client killed at {0}")
    @CsvSource({"pending,FAILED,ABORTED", "3,READY,READY"})
    void aClientKilledMidKeygenIsResolvedOnTheNextStart(String round, KeyStatus expected, String onServers)
            throws Exception {
        allUp();
        Set<UUID> before;
        try (Vault vault = openVault()) {
            before = ids(vault);
        }
        Process child = KeygenChild.launch(home, PASSWORD, round, RemoteCluster.NAMES);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the client process ends");
        assertEquals(42, child.exitValue(), "the client died mid-keygen");
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            UUID keyId = newest(vault, before);
            List<ResolvedKey> resolved = ws.resolvePending();
            assertEquals(expected, vault.get(keyId).orElseThrow().status(), resolved.toString());
            assertTrue(vault.findPending().isEmpty(), "no PENDING record is left");
            for (String s : RemoteCluster.NAMES) {
                assertEquals(onServers, cluster.status(s, keyId), s);
            }
        }
    }
}
