package io.keyshard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.client.Workspace;
import io.keyshard.ui.TestApps;
import io.keyshard.ui.backup.BackupViewModel;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings' restore and password change go through the workspace, like {@code vault import} and {@code vault passwd}. */
class VaultActionsTest {
    @TempDir
    Path tmp;

    private final UiTasks direct = new UiTasks(Runnable::run, Runnable::run);

    @Test
    void aBackupIsRestoredIntoAnotherVaultAndTheKeysScreenHearsOfIt() throws Exception {
        Path backup = tmp.resolve("keys.ksbackup");
        try (Vault vault = TestApps.createVault(tmp.resolve("a"));
                Workspace ws = Workspace.open(tmp.resolve("a"), vault)) {
            TestApps.writeThreeKeys(vault);
            assertNull(new BackupViewModel(() -> ws, direct)
                    .export(backup, "backup pass phrase 7".toCharArray(), "backup pass phrase 7".toCharArray())
                    .get());
        }
        Path other = tmp.resolve("b");
        try (Vault vault = TestApps.createVault(other);
                Workspace ws = Workspace.open(other, vault)) {
            BackupViewModel restore = new BackupViewModel(() -> ws, direct);
            AtomicInteger heard = new AtomicInteger();
            restore.setOnRestored(heard::incrementAndGet);
            String wrong = restore.restore(backup, "not the backup password".toCharArray())
                    .get();
            assertTrue(wrong != null && !wrong.isEmpty(), "a wrong password is said");
            assertEquals(0, ws.keys().size());

            char[] pw = "backup pass phrase 7".toCharArray();
            assertNull(restore.restore(backup, pw).get());
            assertEquals("\0".repeat(pw.length), new String(pw), "the password is wiped");
            assertEquals(3, ws.keys().size());
            assertEquals(1, heard.get());
            assertEquals(
                    "Restored 3 keys from " + backup + ".",
                    restore.restoreNoteProperty().get());
            assertNull(restore.restore(backup, "backup pass phrase 7".toCharArray())
                    .get());
            assertEquals(
                    "Restored 0 keys from " + backup + "; 3 already in the vault.",
                    restore.restoreNoteProperty().get());
        }
    }

    @Test
    void thePasswordChangesUnderTheSameRuleAndAWrongCurrentOneChangesNothing() throws Exception {
        Path home = tmp.resolve("h");
        try (Vault vault = TestApps.createVault(home);
                Workspace ws = Workspace.open(home, vault)) {
            PasswordChangeViewModel change = new PasswordChangeViewModel(() -> ws, direct);
            assertEquals(
                    "The vault password needs at least 10 characters (2 more).",
                    change.change(TestApps.PASSWORD.toCharArray(), "password".toCharArray(), "password".toCharArray())
                            .get());
            assertEquals(
                    "That is not the current vault password; the password was not changed.",
                    change.change(
                                    "wrong current one".toCharArray(),
                                    "a new vault pass 42".toCharArray(),
                                    "a new vault pass 42".toCharArray())
                            .get());
            assertNull(change.change(
                            TestApps.PASSWORD.toCharArray(),
                            "a new vault pass 42".toCharArray(),
                            "a new vault pass 42".toCharArray())
                    .get());
            assertTrue(change.noteProperty().get().startsWith("The vault password was changed"));
        }
        Vault.open(home, "a new vault pass 42".toCharArray()).close();
    }
}
