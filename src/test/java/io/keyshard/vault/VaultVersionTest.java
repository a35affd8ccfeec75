package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pending;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.vault.VaultException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault knows its format: older schemas migrate forward, newer ones are refused unchanged. */
class VaultVersionTest {
    @TempDir
    Path home;

    @Test
    void aVersionOneVaultIsMigratedForwardWithItsRecords() {
        KeyRecord a = pending("old");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
        }
        // what a vault written by schema version 1 looks like: no SECRETS table (nor the later SIGNATURES)
        RawVault.execute(
                home,
                pw(),
                "DROP TABLE SECRETS",
                "DROP TABLE SIGNATURES",
                "UPDATE META SET VAL = CAST(X'31' AS VARBINARY) " + "WHERE NAME = 'schema_version'");
        try (VaultDatabase db = RawVault.open(home, pw())) {
            assertEquals(1, db.schemaVersion());
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(a, v.get(a.keyId()).orElseThrow());
            v.putSecret("after-migration", new byte[] {7});
        }
        try (VaultDatabase db = RawVault.open(home, pw())) {
            assertEquals(VaultDatabase.SCHEMA_VERSION, db.schemaVersion());
        }
        try (Vault v = Vault.open(home, pw())) {
            assertArrayEquals(new byte[] {7}, v.getSecret("after-migration").orElseThrow());
        }
    }

    @Test
    void aVersionTwoVaultGainsTheSigningHistoryTable() {
        KeyRecord a = pending("before histories");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
            v.markReady(a.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
        }
        RawVault.execute(
                home,
                pw(),
                "DROP TABLE SIGNATURES",
                "UPDATE META SET VAL = CAST(X'32' AS VARBINARY) WHERE NAME = 'schema_version'");
        SignatureEntry e = SignatureHistoryTest.entry(1, SignedPayload.MESSAGE);
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(List.of(), v.signatures(a.keyId()));
            v.recordSignatures(a.keyId(), List.of(e));
        }
        try (VaultDatabase db = RawVault.open(home, pw())) {
            assertEquals(3, db.schemaVersion());
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(List.of(e), v.signatures(a.keyId()));
        }
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftAsItWas() {
        KeyRecord a = pending("keep");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
        }
        RawVault.execute(home, pw(), "UPDATE META SET VAL = CAST(X'3939' AS VARBINARY) WHERE NAME = 'schema_version'");
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, pw()));
        assertEquals(Reason.NEWER_VERSION, e.reason());
        assertTrue(e.getMessage().contains("newer version of Keyshard"));
        try (VaultDatabase db = RawVault.open(home, pw())) {
            assertEquals(99, db.schemaVersion());
            assertEquals(1, db.keyRows().size());
        }
    }

    @Test
    void aNewerHeaderFormatIsRefusedWithoutTouchingAnything() throws Exception {
        Vault.create(home, pw(), LIGHT).close();
        Path header = home.resolve("vault").resolve(VaultFiles.HEADER);
        Files.writeString(header, Files.readString(header).replace("\"format\" : 1", "\"format\" : 2"));
        Map<String, byte[]> before = VaultFixtures.snapshot(home);
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, pw()));
        assertEquals(Reason.NEWER_VERSION, e.reason());
        Map<String, byte[]> after = VaultFixtures.snapshot(home);
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    }
}
