package io.keyshard.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vault and backups written by an earlier build (kept under test resources, byte for byte) still
 * open: their header MAC, record and secret bindings and backup bindings are frozen formats.
 */
class OnDiskCompatibilityTest {
    private static final UUID KEY = UUID.fromString("0b0e4bde-7e5f-4c43-9a8c-4d1c1e7c9b01");
    private static final char[] VAULT_PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(OnDiskCompatibilityTest.class
                    .getResource("/io/keyshard/compat/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path copyOfVault() throws IOException {
        Path from = fixture("vault-home");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = tmp.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return tmp;
    }

    @Test
    void anExistingVaultOpensWithItsRecordAndSecret() throws IOException {
        Path home = copyOfVault();
        try (Vault v = Vault.open(home, VAULT_PASSWORD.clone())) {
            KeyRecord k = v.get(KEY).orElseThrow();
            assertEquals(KeyStatus.READY, k.status());
            assertEquals("Savings", k.label());
            assertEquals("02" + "ab".repeat(32), k.rootPublicKey());
            assertArrayEquals(
                    "s3cret-api-key".getBytes(StandardCharsets.UTF_8),
                    v.getSecret("server:REMOTE_1:apiKey").orElseThrow());
            assertEquals(List.of(), v.problems());
        }
    }

    @Test
    void anExistingVaultGainsTheSigningHistoryTableAndKeepsItsRecords() throws IOException {
        Path home = copyOfVault();
        try (VaultDatabase db = RawVault.open(home, VAULT_PASSWORD.clone())) {
            assertEquals(2, db.schemaVersion(), "the fixture predates signing histories");
        }
        SignatureEntry e;
        try (Vault v = Vault.open(home, VAULT_PASSWORD.clone())) {
            KeyRecord k = v.get(KEY).orElseThrow();
            e = SignatureEntry.of(
                    Instant.parse("2026-05-01T00:00:00Z"),
                    new byte[32],
                    "m/84/0/0/0/0",
                    null,
                    k.servers().subList(0, k.threshold()),
                    new byte[64],
                    SignedPayload.PSBT,
                    "first spend");
            assertEquals(List.of(), v.signatures(KEY));
            v.recordSignatures(KEY, List.of(e));
        }
        try (VaultDatabase db = RawVault.open(home, VAULT_PASSWORD.clone())) {
            assertEquals(VaultDatabase.SCHEMA_VERSION, db.schemaVersion());
        }
        try (Vault v = Vault.open(home, VAULT_PASSWORD.clone())) {
            assertEquals(List.of(e), v.signatures(KEY));
            assertEquals("Savings", v.get(KEY).orElseThrow().label());
            assertEquals(List.of(), v.problems());
        }
    }

    @Test
    void anExistingVaultStillRefusesAWrongPassword() throws IOException {
        Path home = copyOfVault();
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, "wrong password!".toCharArray()));
        assertEquals(VaultException.Reason.WRONG_PASSWORD, e.reason());
    }

    @Test
    void existingBackupsOfBothProtectionsRead() {
        List<KeyRecord> own = VaultBackup.read(fixture("own-password.ksbackup"), "backup password 1".toCharArray());
        assertEquals(List.of(KEY), own.stream().map(KeyRecord::keyId).toList());
        List<KeyRecord> auto = VaultBackup.read(fixture("vault-password.ksbackup"), VAULT_PASSWORD.clone());
        assertEquals(List.of(KEY), auto.stream().map(KeyRecord::keyId).toList());
        assertEquals(
                Map.of(),
                VaultBackup.readContents(fixture("own-password.ksbackup"), "backup password 1".toCharArray())
                        .signatures(),
                "a backup from before signing histories has none");
    }
}
