package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pending;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.vault.VaultDatabase.KeyRow;
import io.keyshard.vault.VaultException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of tampering is detected and named, and the other records still read. */
class VaultTamperTest {
    @TempDir
    Path home;

    KeyRecord a;
    KeyRecord b;
    KeyRecord c;
    KeyRow aVersion1;

    @BeforeEach
    void threeRecords() {
        a = pending("a");
        b = pending("b");
        c = pending("c");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
            v.createPending(b);
            v.createPending(c);
        }
        try (VaultDatabase db = RawVault.open(home, pw())) {
            aVersion1 = db.keyRow(a.keyId());
        }
        try (Vault v = Vault.open(home, pw())) {
            v.markReady(a.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
        }
    }

    @Test
    void aFlippedCiphertextByteIsNamedAndTheOthersRead() {
        try (VaultDatabase db = RawVault.open(home, pw())) {
            KeyRow row = db.keyRow(b.keyId());
            byte[] sealed = row.sealed().clone();
            sealed[sealed.length / 2] ^= 0x01;
            db.putKeyRow(new KeyRow(row.keyId(), row.rowNo(), row.version(), sealed));
            db.commitDurably();
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(Set.of(a.keyId(), c.keyId()), ids(v.list()));
            assertEquals(1, v.problems().size());
            assertEquals(2, v.problems().get(0).recordNumber());
            assertTrue(v.problems().get(0).message().contains("record #2 cannot be authenticated"));
            VaultException e = assertThrows(VaultException.class, () -> v.get(b.keyId()));
            assertEquals(Reason.TAMPERED, e.reason());
            assertTrue(v.get(c.keyId()).isPresent());
        }
    }

    @Test
    void swappedRecordsAreBothNamed() {
        try (VaultDatabase db = RawVault.open(home, pw())) {
            KeyRow rb = db.keyRow(b.keyId());
            KeyRow rc = db.keyRow(c.keyId());
            db.putKeyRow(new KeyRow(rb.keyId(), rb.rowNo(), rc.version(), rc.sealed()));
            db.putKeyRow(new KeyRow(rc.keyId(), rc.rowNo(), rb.version(), rb.sealed()));
            db.commitDurably();
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(Set.of(a.keyId()), ids(v.list()));
            assertEquals(
                    Set.of(2L, 3L),
                    v.problems().stream().map(RecordProblem::recordNumber).collect(Collectors.toSet()));
            assertTrue(v.problems().stream().allMatch(p -> p.message().contains("swapped")));
        }
    }

    @Test
    void aRecordRolledBackToAnOlderCopyIsNamed() {
        try (VaultDatabase db = RawVault.open(home, pw())) {
            db.putKeyRow(aVersion1); // the PENDING copy from before markReady, validly sealed
            db.commitDurably();
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(Set.of(b.keyId(), c.keyId()), ids(v.list()));
            assertEquals(1, v.problems().size());
            assertTrue(
                    v.problems().get(0).message().contains("record #1 was rolled back"),
                    v.problems().toString());
            assertThrows(VaultException.class, () -> v.get(a.keyId()));
        }
    }

    @Test
    void aRecordDeletedFromOutsideIsNamedAsMissing() {
        RawVault.execute(home, pw(), "DELETE FROM KEY_RECORDS WHERE ROW_NO = 3");
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(Set.of(a.keyId(), b.keyId()), ids(v.list()));
            assertTrue(v.problems().get(0).message().contains("record #3 is missing"));
        }
    }

    @Test
    void aModifiedHeaderByteIsNamedAndNothingOpens() throws Exception {
        Path header = home.resolve("vault").resolve(VaultFiles.HEADER);
        String text = Files.readString(header);
        int at = text.indexOf("\"salt\" : \"") + 12;
        char flipped = text.charAt(at) == '0' ? '1' : '0';
        Files.writeString(header, text.substring(0, at) + flipped + text.substring(at + 1));
        byte[] before = Files.readAllBytes(home.resolve("vault").resolve(VaultFiles.DB_FILE));
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, pw()));
        assertEquals(Reason.TAMPERED, e.reason());
        assertTrue(e.getMessage().contains("vault/header.json"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(home.resolve("vault").resolve(VaultFiles.DB_FILE)));
    }

    @Test
    void aDatabaseFromAnotherVaultIsRefused() throws Exception {
        Path other = home.resolve("other");
        Vault.create(other, pw(), LIGHT).close();
        Files.copy(
                other.resolve("vault").resolve(VaultFiles.DB_FILE),
                home.resolve("vault").resolve(VaultFiles.DB_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, pw()));
        assertEquals(Reason.DAMAGED, e.reason());
        assertTrue(e.getMessage().contains("keyshard.mv.db"));
    }

    @Test
    void aForeignSealedSecretIsRefused() {
        try (Vault v = Vault.open(home, pw())) {
            v.putSecret("one", "first".getBytes(StandardCharsets.UTF_8));
            v.putSecret("two", "second".getBytes(StandardCharsets.UTF_8));
        }
        RawVault.execute(
                home,
                pw(),
                "UPDATE SECRETS SET SEALED = (SELECT SEALED FROM SECRETS WHERE NAME = 'two') " + "WHERE NAME = 'one'");
        try (Vault v = Vault.open(home, pw())) {
            assertThrows(VaultException.class, () -> v.getSecret("one"));
            assertArrayEquals(
                    "second".getBytes(StandardCharsets.UTF_8),
                    v.getSecret("two").orElseThrow());
        }
    }

    private static Set<UUID> ids(List<KeyRecord> records) {
        return records.stream().map(KeyRecord::keyId).collect(Collectors.toSet());
    }
}
