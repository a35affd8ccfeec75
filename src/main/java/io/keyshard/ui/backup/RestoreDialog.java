package io.keyshard.ui.backup;

import io.keyshard.ui.common.FormDialog;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Restore from a backup": a backup file and its password; adds the keys the vault lacks, as {@code vault import}. */
public final class RestoreDialog {
    private RestoreDialog() {}

    /** Shows the dialog over {@code owner}; it closes itself once the keys are restored. */
    public static Stage show(Window owner, BackupViewModel backup) {
        TextField file = new TextField();
        file.setId("restore-file");
        file.setPromptText("The .ksbackup file");
        file.setPrefColumnCount(32);
        PasswordField password = new PasswordField();
        password.setPrefColumnCount(28);
        password.setId("restore-password");
        GridPane grid = FormDialog.grid();
        grid.addRow(0, new Label("Backup file"), file);
        grid.addRow(1, new Label("Backup password"), password);
        Stage stage = FormDialog.show(
                owner,
                "restore-dialog",
                "Restore from a backup",
                "Adds the keys of a backup to this vault. Keys the vault already holds are kept as they are. "
                        + "An automatic backup from the backups folder opens with the vault password it was made under.",
                grid,
                "Restore",
                () -> {
                    if (file.getText().isBlank()) {
                        return CompletableFuture.completedFuture("Give the backup file to restore from.");
                    }
                    char[] pw = FormDialog.take(password);
                    return backup.restore(Path.of(file.getText().strip()), pw);
                });
        file.requestFocus();
        return stage;
    }
}
