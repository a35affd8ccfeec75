package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.KeygenProgress.Phase;
import io.keyshard.curve.CurveName;
import io.keyshard.json.StrictJson;
import io.keyshard.node.TestNode;
import io.keyshard.ui.TestClipboard;
import io.keyshard.ui.session.AppSession;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace both faces hold, against real node servers on loopback: key generation with typed
 * progress, the keys, the servers' health, adding and removing one, backups, and the app settling a
 * commit a server missed when the vault is unlocked.
 */
class WorkspaceIT {
    private static final String PASSWORD = "workspace-it-password";
    private static final KdfParams LIGHT = new KdfParams(1024, 1, 1);

    @TempDir
    static Path dir;

    static Path home;
    static RemoteCluster cluster;

    @BeforeAll
    static void setUp() throws Exception {
        home = dir.resolve("home");
        cluster = new RemoteCluster(home, dir.resolve("nodes"));
        try (Vault vault = Vault.create(home, PASSWORD.toCharArray(), LIGHT)) {
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

    @Test
    void aKeyIsGeneratedWithTypedProgressAndListedWithoutALabel() {
        List<KeygenProgress> events = new CopyOnWriteArrayList<>();
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            GeneratedKey key = ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.ED25519, 2, RemoteCluster.NAMES))
                    .onProgress(events::add)
                    .promise()
                    .join();

            assertEquals(
                    List.of(KeyStatus.PENDING, KeyStatus.READY),
                    events.stream()
                            .filter(e -> e.stage() == KeygenProgress.Stage.RECORD)
                            .map(KeygenProgress::record)
                            .toList(),
                    "the record is written PENDING before round 3 and READY before commit");
            for (Phase phase : Phase.values()) {
                assertEquals(
                        RemoteCluster.NAMES,
                        events.stream()
                                .filter(e -> e.stage() == KeygenProgress.Stage.DONE && e.phase() == phase)
                                .map(KeygenProgress::server)
                                .sorted()
                                .toList(),
                        phase.name());
            }
            List<Phase> firstDone = new ArrayList<>();
            events.stream()
                    .filter(e -> e.stage() == KeygenProgress.Stage.DONE)
                    .map(KeygenProgress::phase)
                    .forEach(p -> {
                        if (!firstDone.contains(p)) {
                            firstDone.add(p);
                        }
                    });
            assertEquals(List.of(Phase.values()), firstDone, "the phases come in order");

            KeyRecord listed = ws.key(key.keyId()).orElseThrow();
            assertEquals("", listed.label(), "no label is stored as empty, never null");
            assertEquals(KeyRecord.NO_LABEL, listed.displayLabel());
            assertTrue(ws.keys().contains(listed));
        }
    }

    @Test
    void serversAreCheckedAddedAndRemovedThroughTheWorkspace() throws Exception {
        TestNode extra = new TestNode(dir.resolve("extra"), "DELTA", 14, Duration.ofMinutes(10));
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            assertEquals(
                    List.of(true, true, true),
                    ws.checkServers(false).stream().map(ServerStatus::ok).toList());

            cluster.node("CHARLIE").stop();
            try {
                ServerStatus charlie = ws.checkServers(false).stream()
                        .filter(s -> s.name().equals("CHARLIE"))
                        .findFirst()
                        .orElseThrow();
                assertFalse(charlie.ok());
                assertFalse(charlie.notStarted(), "a remote server that stopped is down, not 'not started'");
                assertTrue(charlie.error().contains("CHARLIE"), charlie.error());
            } finally {
                cluster.node("CHARLIE").restart();
                cluster.publish(vault);
            }

            byte[] entry = StrictJson.mapper()
                    .writeValueAsString(extra.entry)
                    .replace("127.0.0.1:1", extra.url().substring("https://".length()))
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals("DELTA", ws.addServer(entry));
            ServerStatus delta = ws.checkServers(false).stream()
                    .filter(s -> s.name().equals("DELTA"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(delta.ok(), String.valueOf(delta.error()));
            assertTrue(
                    vault.getSecret(ServerCredentials.secretName("DELTA")).isPresent(), "API key sealed in the vault");

            ws.removeServer("DELTA");
            assertTrue(ws.checkServers(false).stream().noneMatch(s -> s.name().equals("DELTA")));
            assertTrue(vault.getSecret(ServerCredentials.secretName("DELTA")).isEmpty());
        } finally {
            extra.close();
        }
    }

    @Test
    void aBackupIsExportedAndImportedThroughTheWorkspace() {
        Path file = dir.resolve("keys.ksbackup");
        int exported;
        List<UUID> ids;
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            ws.call(
                            ComponentModule.GENERATE_KEY_SHARE,
                            new KeygenRequest(CurveName.SECP256K1, 2, RemoteCluster.NAMES, "for the backup"))
                    .promise()
                    .join();
            ids = ws.keys().stream().map(KeyRecord::keyId).toList();
            exported = ws.exportBackup(file, "backup password 1".toCharArray());
        }
        assertEquals(ids.size(), exported);
        Path other = dir.resolve("other-home");
        try (Vault vault = Vault.create(other, PASSWORD.toCharArray(), LIGHT);
                Workspace ws = Workspace.open(other, vault)) {
            assertEquals(
                    exported,
                    ws.importBackup(file, "backup password 1".toCharArray()).added());
            assertEquals(ids, ws.keys().stream().map(KeyRecord::keyId).toList());
        }
    }

    @Test
    void theAppReSendsAMissedCommitInTheBackgroundWhenTheVaultIsUnlocked() throws Exception {
        UUID missed;
        try (Vault vault = openVault();
                Workspace ws = Workspace.open(home, vault)) {
            GeneratedKey key = cluster.keyWithMissedCommit(ws, vault, CurveName.P256, "BRAVO");
            assertEquals(List.of("BRAVO"), key.commitPending());
            missed = key.keyId();
        }
        assertEquals("PENDING", cluster.status("BRAVO", missed));

        AppSession session = new AppSession(
                home, LIGHT, Runnable::run, Runnable::run, new TestClipboard().service(() -> true), true);
        session.unlocked(openVault());
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (session.settledProperty().get() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<ResolvedKey> settled = session.settledProperty().get();
            assertNotNull(settled, "settling ran after unlock without any action by the user");
            Map<UUID, ResolvedKey.Change> changes =
                    settled.stream().collect(Collectors.toMap(ResolvedKey::keyId, ResolvedKey::change));
            assertEquals(ResolvedKey.Change.COMMIT_RESENT, changes.get(missed), settled.toString());
            assertEquals("READY", cluster.status("BRAVO", missed), "the missed commit reached BRAVO");
        } finally {
            session.lock();
        }
    }
}
