package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pending;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.vault.VaultException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultBackupTest {
    static final char[] BACKUP_PW = "backup passphrase".toCharArray();

    @TempDir
    Path tmp;

    @Test
    void exportThenImportIntoAFreshVaultGivesTheSameKeysAndNoKeyIdInPlaintext() throws Exception {
        Path home = tmp.resolve("a");
        List<KeyRecord> made = new ArrayList<>();
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            for (int i = 0; i < 3; i++) {
                KeyRecord r = pending("key " + i);
                v.createPending(r);
                made.add(r);
            }
            v.markReady(
                    made.get(0).keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
            v.markFailed(made.get(1).keyId(), "OFFICIAL_3 timed out");
            assertEquals(3, VaultBackup.export(v, tmp.resolve("keys.ksbackup"), BACKUP_PW.clone()));
        }
        Path file = tmp.resolve("keys.ksbackup");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNoKeyIdIn(file, made);

        Path fresh = tmp.resolve("b");
        try (Vault v = Vault.create(fresh, "other vault password".toCharArray(), LIGHT)) {
            assertEquals(new VaultBackup.ImportResult(3, 0, 0), VaultBackup.importInto(v, file, BACKUP_PW.clone()));
            assertEquals(
                    made.stream().map(KeyRecord::keyId).toList(),
                    v.list().stream().map(KeyRecord::keyId).toList());
            assertEquals(
                    KeyStatus.READY, v.get(made.get(0).keyId()).orElseThrow().status());
            assertEquals(
                    "OFFICIAL_3 timed out",
                    v.get(made.get(1).keyId()).orElseThrow().failureReason());
            // merging again adds nothing and duplicates nothing
            assertEquals(new VaultBackup.ImportResult(0, 3, 0), VaultBackup.importInto(v, file, BACKUP_PW.clone()));
            assertEquals(3, v.list().size());
        }
    }

    @Test
    void importNeverOverwritesARecordTheVaultAlreadyHas() {
        Path home = tmp.resolve("a");
        KeyRecord r = pending("x");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(r);
            VaultBackup.export(v, tmp.resolve("pending.ksbackup"), BACKUP_PW.clone());
            v.markReady(r.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
            assertEquals(
                    new VaultBackup.ImportResult(0, 0, 1),
                    VaultBackup.importInto(v, tmp.resolve("pending.ksbackup"), BACKUP_PW.clone()));
            assertEquals(KeyStatus.READY, v.get(r.keyId()).orElseThrow().status());
        }
    }

    @Test
    void aWrongBackupPasswordOrAModifiedFileImportsNothing() throws Exception {
        Path home = tmp.resolve("a");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(pending("x"));
            VaultBackup.export(v, tmp.resolve("k.ksbackup"), BACKUP_PW.clone());
            assertThrows(
                    VaultException.class,
                    () -> VaultBackup.export(v, tmp.resolve("k.ksbackup"), BACKUP_PW.clone()),
                    "export never overwrites a file");
        }
        try (Vault v = Vault.create(tmp.resolve("b"), pw(), LIGHT)) {
            VaultException e = assertThrows(
                    VaultException.class,
                    () -> VaultBackup.importInto(v, tmp.resolve("k.ksbackup"), "wrong password!".toCharArray()));
            assertEquals(Reason.WRONG_PASSWORD, e.reason());
            Path file = tmp.resolve("k.ksbackup");
            String text = Files.readString(file);
            Files.writeString(file, text.replace("\"own-password\"", "\"vault-password\""));
            assertThrows(VaultException.class, () -> VaultBackup.importInto(v, file, BACKUP_PW.clone()));
            Files.writeString(file, "{\"format\":\"something else\"}");
            assertEquals(
                    Reason.BAD_BACKUP,
                    assertThrows(VaultException.class, () -> VaultBackup.importInto(v, file, BACKUP_PW.clone()))
                            .reason());
            assertEquals(2, new VaultException(Reason.BAD_BACKUP, "x").exitCode());
            assertTrue(v.list().isEmpty());
        }
    }

    @Test
    void everyReadyKeyWritesARotatingAutomaticBackupOpenableWithTheVaultPassword() throws Exception {
        Path home = tmp.resolve("a");
        List<KeyRecord> made = new ArrayList<>();
        Files.createDirectories(home.resolve("backups"));
        Files.writeString(
                home.resolve("backups").resolve("auto-20200101T000000000Z-000000000001.ksbackup.tmp"),
                "left by a crash mid-write");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            for (int i = 0; i < 12; i++) {
                KeyRecord r = pending("automatic backup key " + i);
                v.createPending(r);
                v.markReady(r.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
                made.add(r);
                assertTrue(v.lastBackupProblem().isEmpty());
            }
        }
        List<Path> backups;
        try (Stream<Path> s = Files.list(home.resolve("backups"))) {
            backups = s.sorted().toList();
        }
        assertEquals(VaultBackup.KEEP_AUTOMATIC, backups.size(), "ten kept, older ones and crash leftovers removed");
        Path newest = backups.get(backups.size() - 1);
        assertNoKeyIdIn(newest, made);
        Set<UUID> inNewest =
                VaultBackup.read(newest, pw()).stream().map(KeyRecord::keyId).collect(Collectors.toSet());
        assertEquals(made.stream().map(KeyRecord::keyId).collect(Collectors.toSet()), inNewest);
        assertEquals(3, VaultBackup.read(backups.get(0), pw()).size(), "the oldest two were rotated away");
        assertThrows(VaultException.class, () -> VaultBackup.read(newest, "not the vault password".toCharArray()));
    }

    private static void assertNoKeyIdIn(Path file, List<KeyRecord> records) throws Exception {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (KeyRecord r : records) {
            assertFalse(text.contains(r.keyId().toString()), "keyId in plaintext");
            assertFalse(text.contains(r.keyId().toString().replace("-", "")), "keyId hex in plaintext");
            assertFalse(text.contains(r.label()), "label in plaintext");
        }
    }

    @Test
    void aBurstOfReadyKeysIsBackedUpInFullBeforeCloseReturns() throws Exception {
        Path home = tmp.resolve("burst");
        List<KeyRecord> made = new ArrayList<>();
        long start = System.nanoTime();
        long burstNanos;
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            for (int i = 0; i < 25; i++) {
                KeyRecord r = pending("burst key " + i);
                v.createPending(r);
                v.markReady(r.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
                made.add(r);
            }
            burstNanos = System.nanoTime() - start;
        } // close waits for the background writer: the newest backup holds every key made before it
        List<Path> backups;
        try (Stream<Path> s = Files.list(home.resolve("backups"))) {
            backups = s.sorted().toList();
        }
        // spaced: the first key's backup at once, then at most one per gap, and the one close writes
        long allowed = 2 + burstNanos / AutoBackup.MIN_GAP_NANOS;
        assertTrue(
                backups.size() >= 1 && backups.size() <= allowed, backups.size() + " backups for a burst of 25 keys");
        assertTrue(backups.stream().noneMatch(p -> p.toString().endsWith(".tmp")), "no half-written backup");
        Set<UUID> inNewest = VaultBackup.read(backups.get(backups.size() - 1), pw()).stream()
                .map(KeyRecord::keyId)
                .collect(Collectors.toSet());
        assertEquals(made.stream().map(KeyRecord::keyId).collect(Collectors.toSet()), inNewest);
    }
}
