package io.keyshard.ui.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.Workspace;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export a backup (wizard and Settings): it goes through the workspace, and each problem is worded for the dialog. */
class BackupViewModelTest {
    @TempDir
    Path home;

    @Test
    void exportsEveryKeyAndSaysWhereAndHowMany() throws Exception {
        try (Vault vault = TestApps.createVault(home);
                Workspace ws = Workspace.open(home, vault)) {
            TestApps.writeThreeKeys(vault);
            BackupViewModel backup = new BackupViewModel(() -> ws, new UiTasks(Runnable::run, Runnable::run));
            Path out = home.resolve("keys.ksbackup");
            char[] password = "backup password 1".toCharArray();
            assertNull(backup.export(out, password, "backup password 1".toCharArray())
                    .get());
            assertTrue(Files.exists(out));
            assertEquals(
                    "Backup of 3 keys written to " + out + ".",
                    backup.noteProperty().get());
            assertEquals("\0".repeat(password.length), new String(password), "the password is wiped");

            assertTrue(
                    backup.export(out, "backup password 1".toCharArray(), "backup password 1".toCharArray())
                            .get()
                            .contains("already exists"),
                    "an existing file is never overwritten");
        }
    }

    @Test
    void twoDifferentPasswordsAreRefusedBeforeAnythingIsWritten() throws Exception {
        try (Vault vault = TestApps.createVault(home);
                Workspace ws = Workspace.open(home, vault)) {
            BackupViewModel backup = new BackupViewModel(() -> ws, new UiTasks(Runnable::run, Runnable::run));
            Path out = home.resolve("keys.ksbackup");
            assertEquals(
                    "The two backup passwords do not match.",
                    backup.export(out, "backup password 1".toCharArray(), "backup password 2".toCharArray())
                            .get());
            assertTrue(Files.notExists(out));
        }
    }

    @Test
    void aBackupPasswordTheVaultRuleRefusesWritesNothingAndNamesTheBackupPassword() throws Exception {
        try (Vault vault = TestApps.createVault(home);
                Workspace ws = Workspace.open(home, vault)) {
            BackupViewModel backup = new BackupViewModel(() -> ws, new UiTasks(Runnable::run, Runnable::run));
            Path out = home.resolve("keys.ksbackup");
            assertEquals(
                    "The backup password needs at least 10 characters (2 more).",
                    backup.export(out, "password".toCharArray(), "password".toCharArray())
                            .get());
            assertTrue(backup.export(out, "password12".toCharArray(), "password12".toCharArray())
                    .get()
                    .startsWith("This backup password is too easy to guess"));
            assertTrue(Files.notExists(out));
        }
    }
}
