package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pending;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
    @TempDir
    Path home;

    @Test
    void recordsGoThroughTheirLifeAndSurviveReopening() {
        KeyRecord a = pending("alpha");
        KeyRecord b = pending("beta");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
            v.createPending(b);
            assertEquals(2, v.findPending().size());
            KeyRecord ready =
                    v.markReady(a.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
            assertEquals(KeyStatus.READY, ready.status());
            assertEquals(
                    KeyStatus.FAILED,
                    v.markFailed(b.keyId(), "OFFICIAL_2 refused round 2").status());
        }
        try (Vault v = Vault.open(home, pw())) {
            List<KeyRecord> all = v.list();
            assertEquals(
                    List.of(a.keyId(), b.keyId()),
                    all.stream().map(KeyRecord::keyId).toList());
            KeyRecord ra = v.get(a.keyId()).orElseThrow();
            assertEquals(VaultFixtures.rootKey(), ra.rootPublicKey());
            assertEquals(VaultFixtures.shares(), ra.verificationShares());
            assertEquals(a.createdAt(), ra.createdAt());
            assertEquals(
                    "OFFICIAL_2 refused round 2", v.get(b.keyId()).orElseThrow().failureReason());
            assertTrue(v.findPending().isEmpty());
            assertTrue(v.problems().isEmpty());
            assertTrue(v.get(UUID.randomUUID()).isEmpty());
        }
    }

    @Test
    void stateTransitionsThatWouldLoseAKeyAreRefused() {
        KeyRecord a = pending("a");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
            assertThrows(IllegalArgumentException.class, () -> v.createPending(a));
            v.markReady(a.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
            // idempotent with the same result, refused with another, never failed once READY
            v.markReady(a.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
            assertThrows(
                    IllegalStateException.class,
                    () -> v.markReady(
                            a.keyId(), "03" + "ab".repeat(32), VaultFixtures.chainCode(), VaultFixtures.shares()));
            assertThrows(IllegalStateException.class, () -> v.markFailed(a.keyId(), "late abort"));
            assertThrows(IllegalArgumentException.class, () -> v.markFailed(UUID.randomUUID(), "x"));
            assertEquals(KeyStatus.READY, v.get(a.keyId()).orElseThrow().status());
        }
    }

    @Test
    void wrongPasswordIsRefusedAndChangesNoByte() {
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(pending("x"));
        }
        Map<String, byte[]> before = VaultFixtures.snapshot(home);
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, "not the password".toCharArray()));
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains("wrong password"));
        Map<String, byte[]> after = VaultFixtures.snapshot(home);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(1, v.list().size());
        }
    }

    @Test
    void noVaultSaysRunInitAndCreatesNothing() {
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home.resolve("elsewhere"), pw()));
        assertEquals(Reason.NO_VAULT, e.reason());
        assertTrue(e.getMessage().contains("run keyshard init"));
        assertFalse(Files.exists(home.resolve("elsewhere")));
        assertFalse(Vault.exists(home));
    }

    @Test
    void createOverAnExistingVaultRefusesAndChangesNothing() {
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(pending("keep me"));
        }
        Map<String, byte[]> before = VaultFixtures.snapshot(home);
        VaultException e =
                assertThrows(VaultException.class, () -> Vault.create(home, "another password".toCharArray(), LIGHT));
        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        Map<String, byte[]> after = VaultFixtures.snapshot(home);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    }

    @Test
    void aSecondOpenWhileOpenIsRefusedAsInUse() {
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, pw()));
            assertEquals(Reason.IN_USE, e.reason());
            assertTrue(e.getMessage().contains("in use"));
        }
        Vault.open(home, pw()).close();
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(pending("x"));
        }
        Path dir = home.resolve("vault");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                assertEquals(
                        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }

    @Test
    void secretsAreSealedAndRoundTrip() {
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.putSecret("server:REMOTE_1:apiKey", "s3cret-api-key".getBytes(StandardCharsets.UTF_8));
            v.putSecret("server:REMOTE_1:apiKey", "rotated-key".getBytes(StandardCharsets.UTF_8));
            v.putSecret("other", new byte[] {1, 2, 3});
            v.removeSecret("other");
        }
        try (Vault v = Vault.open(home, pw())) {
            assertArrayEquals(
                    "rotated-key".getBytes(StandardCharsets.UTF_8),
                    v.getSecret("server:REMOTE_1:apiKey").orElseThrow());
            assertTrue(v.getSecret("other").isEmpty());
            assertThrows(IllegalArgumentException.class, () -> v.putSecret("bad name", new byte[1]));
        }
    }

    @Test
    void shortPasswordsAreRefusedAtCreation() {
        assertThrows(IllegalArgumentException.class, () -> Vault.create(home, "short".toCharArray(), LIGHT));
        assertFalse(Vault.exists(home));
    }

    @Test
    void passwordChangeKeepsEveryRecordAndOnlyTheNewPasswordOpens() {
        KeyRecord a = pending("a");
        char[] fresh = "a brand new password".toCharArray();
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
            v.putSecret("api", new byte[] {9, 9});
            assertThrows(VaultException.class, () -> v.changePassword("wrong password".toCharArray(), fresh.clone()));
            v.changePassword(pw(), fresh.clone());
            v.markReady(a.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
        }
        assertEquals(
                Reason.WRONG_PASSWORD,
                assertThrows(VaultException.class, () -> Vault.open(home, pw())).reason());
        try (Vault v = Vault.open(home, fresh.clone())) {
            assertEquals(KeyStatus.READY, v.get(a.keyId()).orElseThrow().status());
            assertArrayEquals(new byte[] {9, 9}, v.getSecret("api").orElseThrow());
        }
    }

    @Test
    void aVaultThatH2HasAnalysedStillPassesTheSchemaCheck() {
        // past ~2,000 changed rows H2 adds SELECTIVITY to the stored table definitions
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            Manifest next = v.writableManifest().copy();
            List<Vault.Versioned> rows = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                rows.add(new Vault.Versioned(pending("bulk"), next.allocateRow(), 1));
            }
            v.writeRecords(rows, next);
            v.createPending(pending("one more"));
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(2501, v.list().size());
            assertTrue(v.problems().isEmpty());
        }
    }
}
