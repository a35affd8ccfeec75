package io.keyshard.ui.backup;

import io.keyshard.client.Workspace;
import io.keyshard.ui.common.PasswordMeter;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.PasswordRule.Purpose;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Exporting the vault's keys to a backup file (the wizard's last step, Settings) and restoring one (Settings). */
public final class BackupViewModel {
    private final Supplier<Workspace> workspace;
    private final UiTasks tasks;
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final PasswordMeter meter = new PasswordMeter(Purpose.BACKUP);
    private final StringProperty restoreNote = new SimpleStringProperty(this, "restoreNote", "");
    private Runnable onRestored = () -> {};

    /** @param workspace the unlocked vault's workspace */
    public BackupViewModel(Supplier<Workspace> workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
    }

    /**
     * Exports every key of the vault to {@code out}, sealed with {@code password}; completes with null
     * when written, else with what to fix (a password the rule refuses writes nothing). The password
     * arrays are wiped.
     */
    public CompletableFuture<String> export(Path out, char[] password, char[] confirm) {
        String refused = meter.refusal(password, confirm);
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        Workspace ws = workspace.get();
        return PasswordWork.run(
                tasks,
                password,
                pw -> ws.exportBackup(out, pw),
                n -> note.set("Backup of " + n + " key" + (n == 1 ? "" : "s") + " written to " + out + "."));
    }

    /**
     * Adds the keys of the backup {@code file} that the vault lacks, as {@code vault import} does, off
     * the FX thread; completes with null when done (the note says how many), else with what went
     * wrong. The password is wiped.
     */
    public CompletableFuture<String> restore(Path file, char[] password) {
        if (password.length == 0) {
            return CompletableFuture.completedFuture("Enter the backup password this file was exported with.");
        }
        Workspace ws = workspace.get();
        return PasswordWork.run(tasks, password, pw -> ws.importBackup(file, pw), r -> {
            restoreNote.set("Restored " + r.added() + " key" + (r.added() == 1 ? "" : "s") + " from " + file
                    + (r.alreadyPresent() == 0 ? "" : "; " + r.alreadyPresent() + " already in the vault")
                    + (r.conflicting() == 0
                            ? ""
                            : "; " + r.conflicting() + " differ from the vault's copy, which was kept")
                    + ".");
            if (r.added() > 0) {
                onRestored.run();
            }
        });
    }

    /** Who hears that a restore added keys (the Keys screen reloads). */
    public void setOnRestored(Runnable listener) {
        onRestored = listener;
    }

    /** "Restored N keys from F; …" after a restore. */
    public StringProperty restoreNoteProperty() {
        return restoreNote;
    }

    /** Where the backup dialog proposes to write: the user's home folder, dated, never an existing file. */
    public static Path suggestedFile() {
        return Path.of(System.getProperty("user.home"), "keyshard-backup-" + LocalDate.now() + ".ksbackup");
    }

    /** The backup password's strength meter and hint, under the same rule as the vault password. */
    public PasswordMeter meter() {
        return meter;
    }

    /** "Backup of N keys written to F." after an export. */
    public StringProperty noteProperty() {
        return note;
    }
}
