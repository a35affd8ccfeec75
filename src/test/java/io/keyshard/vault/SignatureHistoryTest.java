package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pending;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import io.keyshard.vault.VaultDatabase.SignatureRow;
import io.keyshard.vault.VaultException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key's signing history: kept sealed, in order, append-only, and across reopening and a password change. */
class SignatureHistoryTest {
    @TempDir
    Path home;

    static SignatureEntry entry(int n, SignedPayload kind) {
        byte[] digest = new byte[32];
        Arrays.fill(digest, (byte) (0xa0 + n));
        byte[] signature = new byte[64];
        Arrays.fill(signature, (byte) (0x50 + n));
        return SignatureEntry.of(
                Instant.parse("2026-03-01T10:15:30.123Z").plusSeconds(n),
                digest,
                "m/84/0/0/0/" + n,
                "bc1qexampleaddress" + n,
                List.of("OFFICIAL_1", "OFFICIAL_3"),
                signature,
                kind,
                "payment " + n);
    }

    static KeyRecord readyKey(Vault v) {
        KeyRecord k = pending("signer");
        v.createPending(k);
        return v.markReady(k.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
    }

    @Test
    void entriesComeBackInOrderAfterReopeningAndAPasswordChange() {
        KeyRecord k;
        KeyRecord other;
        char[] fresh = "a brand new password".toCharArray();
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            k = readyKey(v);
            other = readyKey(v);
            assertEquals(List.of(), v.signatures(k.keyId()));
            v.recordSignatures(k.keyId(), List.of(entry(1, SignedPayload.PSBT)));
            v.recordSignatures(k.keyId(), List.of(entry(2, SignedPayload.ETH_TX)));
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(
                    List.of(entry(1, SignedPayload.PSBT), entry(2, SignedPayload.ETH_TX)), v.signatures(k.keyId()));
            assertEquals(List.of(), v.signatures(other.keyId()), "another key's history is its own");
            v.changePassword(pw(), fresh.clone());
            v.recordSignatures(k.keyId(), List.of(entry(3, SignedPayload.MESSAGE)));
        }
        try (Vault v = Vault.open(home, fresh.clone())) {
            assertEquals(
                    List.of(
                            entry(1, SignedPayload.PSBT),
                            entry(2, SignedPayload.ETH_TX),
                            entry(3, SignedPayload.MESSAGE)),
                    v.signatures(k.keyId()));
            assertTrue(v.list().size() == 2 && v.problems().isEmpty());
        }
    }

    @Test
    void neitherTheFileNorTheRawRowsHoldTheDigestOrSignatureInTheClear() throws Exception {
        SignatureEntry e = entry(7, SignedPayload.DIGEST);
        UUID keyId;
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            keyId = readyKey(v).keyId();
            v.recordSignatures(keyId, List.of(e));
        }
        byte[] digest = Hex.decode(e.digest(), "digest");
        byte[] signature = Hex.decode(e.signature(), "signature");
        byte[] file = Files.readAllBytes(home.resolve("vault").resolve(VaultFiles.DB_FILE));
        for (byte[] secret : List.of(digest, signature, e.digest().getBytes(StandardCharsets.US_ASCII))) {
            assertFalse(contains(file, secret), "found in the database file");
        }
        // below H2's file encryption, as someone holding the vault password reads the table
        try (VaultDatabase db = RawVault.open(home, pw())) {
            List<SignatureRow> rows = db.signatureRows(keyId);
            assertEquals(1, rows.size());
            byte[] sealed = rows.get(0).sealed();
            for (byte[] secret : List.of(
                    digest,
                    signature,
                    e.digest().getBytes(StandardCharsets.US_ASCII),
                    e.signature().getBytes(StandardCharsets.US_ASCII),
                    e.address().getBytes(StandardCharsets.US_ASCII))) {
                assertFalse(contains(sealed, secret), "found in the row");
            }
        }
    }

    @Test
    void entriesSwappedMovedOrRemovedFromOutsideAreNamedNotMisread() {
        UUID keyId;
        UUID other;
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            keyId = readyKey(v).keyId();
            other = readyKey(v).keyId();
            for (int i = 1; i <= 3; i++) {
                v.recordSignatures(keyId, List.of(entry(i, SignedPayload.MESSAGE)));
            }
            v.recordSignatures(other, List.of(entry(9, SignedPayload.MESSAGE)));
        }
        RawVault.execute(home, pw(), "UPDATE SIGNATURES SET SEQ = 9 WHERE SEQ = 1 AND KEY_ID = '" + keyId + "'");
        assertTampered(keyId);
        RawVault.execute(home, pw(), "UPDATE SIGNATURES SET SEQ = 1 WHERE SEQ = 9 AND KEY_ID = '" + keyId + "'");
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(3, v.signatures(keyId).size(), "put back, it reads again");
        }
        RawVault.execute(
                home,
                pw(),
                "UPDATE SIGNATURES SET KEY_ID = '" + other + "' WHERE SEQ = 2 AND KEY_ID = '" + keyId + "'");
        assertTampered(other);
        RawVault.execute(home, pw(), "DELETE FROM SIGNATURES WHERE KEY_ID = '" + other + "' AND SEQ = 2");
        assertTampered(keyId);
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(List.of(entry(9, SignedPayload.MESSAGE)), v.signatures(other));
        }
    }

    private void assertTampered(UUID keyId) {
        try (Vault v = Vault.open(home, pw())) {
            VaultException e = assertThrows(VaultException.class, () -> v.signatures(keyId));
            assertEquals(Reason.TAMPERED, e.reason());
            assertTrue(e.getMessage().contains("signing history"), e.getMessage());
            assertFalse(e.getMessage().contains(keyId.toString()), "no keyId in a message");
        }
    }

    @Test
    void onlyAReadyKeyAndItsOwnServersCanBeRecorded() {
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            KeyRecord p = pending("not ready");
            v.createPending(p);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> v.recordSignatures(p.keyId(), List.of(entry(1, SignedPayload.MESSAGE))));
            UUID k = readyKey(v).keyId();
            SignatureEntry e = entry(1, SignedPayload.MESSAGE);
            SignatureEntry stranger = new SignatureEntry(
                    e.signedAt(),
                    e.payload(),
                    e.description(),
                    e.derivationPath(),
                    e.address(),
                    List.of("OFFICIAL_1", "REMOTE_9"),
                    e.digest(),
                    e.signature());
            SignatureEntry alone = new SignatureEntry(
                    e.signedAt(), e.payload(), "", "m", null, List.of("OFFICIAL_1"), e.digest(), e.signature());
            assertThrows(IllegalArgumentException.class, () -> v.recordSignatures(k, List.of(stranger)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> v.recordSignatures(k, List.of(alone)),
                    "fewer than t signers");
            assertThrows(IllegalArgumentException.class, () -> v.recordSignatures(UUID.randomUUID(), List.of(e)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> v.recordSignatures(k, List.of(e, stranger)),
                    "a batch with one bad entry");
            assertEquals(List.of(), v.signatures(k), "nothing refused was written");
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
