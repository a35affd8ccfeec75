package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pending;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.OwnerOnlyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the vault notices about its automatic backups: a password change re-seals every one of them
 * (the old password, perhaps leaked, opens none), and a vault put back from an older copy says it is
 * older than its newest backup until the missing keys are imported again.
 */
class VaultRollbackTest {
    private static final char[] NEW_PW = "a brand new vault password".toCharArray();

    @TempDir
    Path tmp;

    private static KeyRecord addReady(Vault v, String label) {
        KeyRecord r = pending(label);
        v.createPending(r);
        v.markReady(r.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
        assertTrue(v.lastBackupProblem().isEmpty(), "the automatic backup was written");
        return r;
    }

    private static List<Path> backups(Path home) throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("backups"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void aPasswordChangeReSealsEveryAutomaticBackupSoTheOldPasswordOpensNone() throws Exception {
        Path home = tmp.resolve("passwd");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            addReady(v, "first");
            Thread.sleep(5); // another millisecond stamp: another file
            addReady(v, "second");
            List<Path> before = backups(home);
            assertEquals(2, before.size());
            assertEquals(1, VaultBackup.read(before.get(0), pw()).size(), "the old password opens each before");
            assertEquals(2, VaultBackup.read(before.get(1), pw()).size());

            v.changePassword(pw(), NEW_PW.clone());

            assertEquals(before, backups(home), "the same backups, under the same names");
            for (Path b : before) {
                VaultException refused =
                        assertThrows(VaultException.class, () -> VaultBackup.read(b, pw()), b.toString());
                assertEquals(VaultException.Reason.WRONG_PASSWORD, refused.reason());
            }
            assertEquals(1, VaultBackup.read(before.get(0), NEW_PW.clone()).size(), "each keeps what it held");
            assertEquals(2, VaultBackup.read(before.get(1), NEW_PW.clone()).size());
            assertEquals(Optional.empty(), VaultRollback.check(v), "a password change is no rollback");
        }
        try (Vault v = Vault.open(home, NEW_PW.clone())) {
            addReady(v, "third");
            assertEquals(Optional.empty(), VaultRollback.check(v));
        }
    }

    @Test
    void aVaultPutBackFromAnOlderCopySaysSoUntilTheMissingKeysAreImported() throws Exception {
        Path home = tmp.resolve("rollback");
        Path snapshot = tmp.resolve("snapshot");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            addReady(v, "kept");
        }
        copyTree(home.resolve("vault"), snapshot);
        KeyRecord lost;
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(Optional.empty(), VaultRollback.check(v), "an up-to-date vault is not older than its backups");
            lost = addReady(v, "made after the copy");
        }
        OwnerOnlyFiles.deleteTree(home.resolve("vault"));
        copyTree(snapshot, home.resolve("vault"));

        try (Vault v = Vault.open(home, pw())) {
            assertTrue(v.get(lost.keyId()).isEmpty(), "the copy predates the key");
            VaultRollback warning = VaultRollback.check(v).orElseThrow();
            assertEquals(1, warning.missingKeys());
            assertTrue(warning.backupGeneration() > warning.vaultGeneration());
            assertEquals(backups(home).get(backups(home).size() - 1), warning.backup());
            assertTrue(warning.message().contains("1 key in that backup is missing"), warning.message());
            assertTrue(warning.message().contains("keyshard vault import " + warning.backup()), warning.message());

            assertEquals(1, warning.restore(v).added(), "restored with the vault's own keys, no password asked");
            assertEquals(KeyStatus.READY, v.get(lost.keyId()).orElseThrow().status(), "the key is back, READY");
            assertEquals(Optional.empty(), VaultRollback.check(v), "restored: nothing is missing any more");
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
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
