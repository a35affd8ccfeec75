package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archiving hides a key but keeps its record; deleting removes the record; backups carry the archived marks. */
class ArchiveAndDeleteTest {
    private static final char[] BACKUP_PW = "a long backup passphrase".toCharArray();

    @TempDir
    Path tmp;

    private static KeyRecord ready(Vault v, String label) {
        KeyRecord pending = VaultFixtures.pending(label);
        v.createPending(pending);
        return v.markReady(pending.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
    }

    @Test
    void anArchivedKeyStaysInTheVaultAcrossReopeningAndAPasswordChange() {
        Path home = tmp.resolve("home");
        KeyRecord a;
        KeyRecord b;
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            a = ready(v, "a");
            b = ready(v, "b");
            KeyArchive.archive(v, a.keyId());
            KeyArchive.archive(v, a.keyId()); // idempotent
            assertEquals(Set.of(a.keyId()), KeyArchive.archived(v));
            assertThrows(IllegalArgumentException.class, () -> KeyArchive.archive(v, UUID.randomUUID()));
            v.changePassword(pw(), "another vault password 7".toCharArray());
        }
        try (Vault v = Vault.open(home, "another vault password 7".toCharArray())) {
            assertEquals(Set.of(a.keyId()), KeyArchive.archived(v));
            assertEquals(List.of(a, b), v.list(), "archiving changes no record");
            assertEquals(List.of(), v.problems());
            KeyArchive.unarchive(v, a.keyId());
            assertEquals(Set.of(), KeyArchive.archived(v));
        }
    }

    @Test
    void aDeletedKeyIsGoneAfterReopeningWithoutLookingTamperedAndABackupBringsItBack() {
        Path home = tmp.resolve("home");
        Path backup = tmp.resolve("before.ksbackup");
        KeyRecord a;
        KeyRecord b;
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            a = ready(v, "a");
            b = ready(v, "b");
            KeyArchive.archive(v, a.keyId());
            VaultBackup.export(v, backup, BACKUP_PW.clone());
            v.delete(a.keyId());
            assertTrue(v.get(a.keyId()).isEmpty());
            assertEquals(Set.of(), KeyArchive.archived(v), "a deleted key is no longer archived");
            assertThrows(IllegalArgumentException.class, () -> v.delete(a.keyId()));
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(List.of(b), v.list());
            assertEquals(List.of(), v.problems(), "a deletion through the vault is not a row removed from outside");
            assertEquals(new VaultBackup.ImportResult(1, 1, 0), VaultBackup.importInto(v, backup, BACKUP_PW.clone()));
            assertEquals(a, v.get(a.keyId()).orElseThrow());
            assertEquals(Set.of(a.keyId()), KeyArchive.archived(v), "the backup's archived mark came back with it");
            assertEquals(List.of(), v.problems());
        }
    }

    @Test
    void backupsCarryTheArchivedMarksAndARestoreIntoANewHomeKeepsThem() throws Exception {
        Path home = tmp.resolve("home");
        Path backup = tmp.resolve("keys.ksbackup");
        KeyRecord a;
        KeyRecord b;
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            a = ready(v, "a");
            b = ready(v, "b");
            KeyArchive.archive(v, b.keyId());
            VaultBackup.export(v, backup, BACKUP_PW.clone());
            assertTrue(v.lastBackupProblem().isEmpty());
        }
        VaultBackup.Contents contents = VaultBackup.readContents(backup, BACKUP_PW.clone());
        assertEquals(List.of(a, b), contents.keys());
        assertEquals(Set.of(b.keyId()), contents.archived());

        Path fresh = tmp.resolve("fresh");
        VaultRestore.Restored restored = VaultRestore.intoNewVault(
                fresh, backup, BACKUP_PW.clone(), "new vault password 42".toCharArray(), LIGHT);
        try (Vault v = restored.vault()) {
            assertEquals(2, restored.keys());
            assertEquals(List.of(a, b), v.list());
            assertEquals(Set.of(b.keyId()), KeyArchive.archived(v));
        }
        try (Vault v = Vault.open(fresh, "new vault password 42".toCharArray())) {
            assertEquals(Set.of(b.keyId()), KeyArchive.archived(v));
        }
    }

    @Test
    void aRestoreWithTheWrongBackupPasswordLeavesTheHomeWithoutAVault() {
        Path home = tmp.resolve("home");
        Path backup = tmp.resolve("keys.ksbackup");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            ready(v, "a");
            VaultBackup.export(v, backup, BACKUP_PW.clone());
        }
        Path fresh = tmp.resolve("fresh");
        VaultException e = assertThrows(
                VaultException.class,
                () -> VaultRestore.intoNewVault(
                        fresh, backup, "not the password".toCharArray(), "new vault password 42".toCharArray(), LIGHT));
        assertEquals(VaultException.Reason.WRONG_PASSWORD, e.reason());
        assertFalse(Vault.exists(fresh));
        assertFalse(Files.exists(fresh.resolve("vault")) && Vault.exists(fresh));
    }

    @Test
    void backupsAndVaultsMadeBeforeArchivingOpenWithNothingArchived() throws Exception {
        VaultBackup.Contents old = VaultBackup.readContents(
                OnDiskCompatibilityTest.fixture("own-password.ksbackup"), "backup password 1".toCharArray());
        assertEquals(1, old.keys().size());
        assertEquals(Set.of(), old.archived());
        Path fresh = tmp.resolve("fresh");
        try (Vault v = Vault.create(fresh, pw(), LIGHT)) {
            ready(v, "a");
            assertEquals(Set.of(), KeyArchive.archived(v), "a vault without the archive secret has nothing archived");
        }
    }
}
