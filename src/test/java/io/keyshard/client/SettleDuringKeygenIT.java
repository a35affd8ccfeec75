package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settling never touches a key whose generation is running over the same vault, even from another
 * workspace (the app opens a new one when the same vault is unlocked again): the generation is held
 * with its record PENDING and its servers IN_PROGRESS, which a leftover would be aborted for.
 */
class SettleDuringKeygenIT {
    private static final String PASSWORD = "settle-during-keygen";

    @TempDir
    Path dir;

    @Test
    void aSecondWorkspaceLeavesAKeyInFlightAloneAndTheKeyBecomesReady() throws Exception {
        Path home = dir.resolve("home");
        try (RemoteCluster cluster = new RemoteCluster(home, dir.resolve("nodes"));
                Vault vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1))) {
            cluster.register(vault);
            CountDownLatch pendingWritten = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            try (Workspace making = Workspace.open(home, vault)) {
                Operation<GeneratedKey> op = making.call(
                        ComponentModule.GENERATE_KEY_SHARE,
                        new KeygenRequest(CurveName.SECP256K1, 2, RemoteCluster.NAMES));
                op.onProgress(p -> {
                    if (p.stage() == KeygenProgress.Stage.RECORD && p.record() == KeyStatus.PENDING) {
                        pendingWritten.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS); // hold the run between the record and round 3
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                assertTrue(pendingWritten.await(60, TimeUnit.SECONDS), "the generation wrote its PENDING record");
                UUID keyId = vault.findPending().get(0).keyId();
                assertEquals("IN_PROGRESS", cluster.status("ALPHA", keyId), "round 3 has not been sent");

                List<ResolvedKey> settled;
                try (Workspace other = Workspace.open(home, vault)) {
                    settled = other.resolvePending();
                }
                // checked while the generation is still held: once released it moves on to round 3
                assertEquals("IN_PROGRESS", cluster.status("BRAVO", keyId), "no server was told to abort");
                release.countDown();

                assertEquals(List.of(), settled, "nothing was settled: the only PENDING key is being made");
                GeneratedKey key = op.promise().get(60, TimeUnit.SECONDS);
                assertEquals(keyId, key.keyId());
                assertEquals(KeyStatus.READY, vault.get(keyId).orElseThrow().status());
                for (String server : RemoteCluster.NAMES) {
                    assertEquals("READY", cluster.status(server, keyId), server);
                }
            } finally {
                release.countDown();
            }
        }
    }
}
