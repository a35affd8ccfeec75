package io.keyshard.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.OwnerOnlyFiles;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.TestClipboard;
import io.keyshard.ui.session.AppSession;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlocking a vault put back from an older copy: the unlock screen says keys are missing and holds
 * the vault until the user restores them from the newest automatic backup (no password asked again)
 * or goes on without them.
 */
class UnlockRollbackTest {
    @TempDir
    Path tmp;

    private static KeyRecord addReady(Vault v, String label) {
        KeyRecord r = KeyRecord.pending(
                UUID.randomUUID(), label, CurveName.SECP256K1, 2, List.of("OFFICIAL_1", "OFFICIAL_2"), Instant.now());
        v.createPending(r);
        v.markReady(
                r.keyId(),
                "02" + "ab".repeat(32),
                "cd".repeat(32),
                Map.of("OFFICIAL_1", "02" + "11".repeat(32), "OFFICIAL_2", "03" + "22".repeat(32)));
        assertTrue(v.lastBackupProblem().isEmpty());
        return r;
    }

    @Test
    void anOlderVaultOffersTheRestoreOnUnlockAndRestoresWithoutAskingAgain() throws Exception {
        Path home = tmp.resolve("home");
        try (Vault v = TestApps.createVault(home)) {
            addReady(v, "kept");
        }
        Path snapshot = tmp.resolve("snapshot");
        copyTree(home.resolve("vault"), snapshot);
        KeyRecord lost;
        try (Vault v = Vault.open(home, TestApps.PASSWORD.toCharArray())) {
            lost = addReady(v, "made after the copy");
        }
        OwnerOnlyFiles.deleteTree(home.resolve("vault"));
        copyTree(snapshot, home.resolve("vault"));

        AppSession session = TestApps.directSession(home, new TestClipboard().service(() -> true));
        UnlockViewModel model = new UnlockViewModel(session, Clock.systemUTC());
        model.unlock(TestApps.PASSWORD.toCharArray());
        assertNotNull(model.rollbackProperty().get(), "the unlock screen says the vault went back");
        assertEquals(1, model.rollbackProperty().get().missingKeys());
        assertFalse(session.isUnlocked(), "held until the user chooses");

        model.restoreAndContinue();
        assertTrue(session.isUnlocked(), model.errorProperty().get());
        assertNull(model.rollbackProperty().get());
        assertEquals(
                KeyStatus.READY, session.vault().get(lost.keyId()).orElseThrow().status(), "the key is back");
        session.lock();

        model.reset();
        model.unlock(TestApps.PASSWORD.toCharArray());
        assertNull(model.rollbackProperty().get(), "nothing is missing any more");
        assertTrue(session.isUnlocked());
        session.lock();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
