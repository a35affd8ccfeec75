package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.vault.VaultException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A vault file from outside (encrypted with the right password) whose schema holds objects that
 * H2 would run while opening it is refused before anything in it runs.
 */
class HostileVaultTest {
    @TempDir
    Path home;

    @Test
    void aTriggerThatRunsCodeOnOpenIsRefusedBeforeItRuns() throws Exception {
        Vault.create(home, pw(), LIGHT).close();
        Path marker = home.resolve("pwned");
        String source =
                "org.h2.api.Trigger create() throws Exception { java.nio.file.Files.write(java.nio.file.Path.of(\""
                        + marker
                        + "\"), new byte[0]); return new org.h2.api.Trigger() { public void fire(java.sql.Connection c, "
                        + "Object[] o, Object[] n) { } }; }";
        RawVault.execute(home, pw(), "CREATE TRIGGER EVIL AFTER INSERT ON META FOR EACH ROW AS $$" + source + "$$");
        assertTrue(Files.exists(marker), "the trigger runs its code when created");
        Files.delete(marker);

        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, pw()));
        assertEquals(Reason.HOSTILE, e.reason());
        assertTrue(e.getMessage().contains("a trigger"), e.getMessage());
        assertFalse(Files.exists(marker), "nothing in the hostile file ran");

        // the same file opened by plain H2 runs the trigger: the check above is what prevented it
        RawVault.open(home, pw()).close();
        assertTrue(Files.exists(marker));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE ALIAS EVIL FOR 'java.lang.System.getProperty(java.lang.String)'",
                "CREATE VIEW EVIL AS SELECT * FROM META",
                "CREATE TABLE EVIL(A INT DEFAULT 1)",
                "CREATE TABLE KEY_EXTRA(A INT)",
                "ALTER TABLE META ADD CONSTRAINT EVIL CHECK (LENGTH(NAME) > 0)",
                "CREATE DOMAIN EVIL AS INT",
                "CREATE SEQUENCE EVIL",
                "CREATE USER INTRUDER PASSWORD 'x'",
                "SET MAX_MEMORY_ROWS 10",
                "CREATE CONSTANT EVIL VALUE 1",
                "CREATE SCHEMA EVIL",
                "CREATE LINKED TABLE EVIL('org.h2.Driver', 'jdbc:h2:mem:', '', '', 'INFORMATION_SCHEMA.USERS')",
            })
    void objectsThatCouldRunCodeOrAreForeignAreRefused(String sql) throws Exception {
        Vault.create(home, pw(), LIGHT).close();
        RawVault.execute(home, pw(), sql);
        Path db = home.resolve("vault").resolve(VaultFiles.DB_FILE);
        byte[] before = Files.readAllBytes(db);
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(home, pw()));
        assertEquals(Reason.HOSTILE, e.reason(), sql);
        assertEquals(3, e.exitCode());
        assertTrue(Arrays.equals(before, Files.readAllBytes(db)), "refusing changes nothing");
    }
}
