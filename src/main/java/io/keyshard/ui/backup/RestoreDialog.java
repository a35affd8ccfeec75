package io.keyshard.ui.backup;

import io.keyshard.ui.common.FormDialog;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Restore from a backup" (a vault backup file and its password: adds the keys the vault lacks, as {@code vault
 * import}) and "Restore the local servers" (a folder of server backups and their password).
 */
public final class RestoreDialog {
    private RestoreDialog() {}

    /** Shows the vault restore over {@code owner}; it closes itself once the keys are restored. */
    public static Stage show(Window owner, BackupViewModel backup) {
        return show(
                owner,
                "restore-dialog",
                "Restore from a backup",
                "Adds the keys of a backup to this vault. Keys the vault already holds are kept as they are. "
                        + "An automatic backup from the backups folder opens with the vault password it was made under.",
                "Backup file",
                "The .ksbackup file",
                "Give the backup file to restore from.",
                backup::restore);
    }

    /** Shows the local servers' restore over {@code owner}; it closes itself once they are back. */
    public static Stage showServers(Window owner, ServerBackupViewModel servers) {
        return show(
                owner,
                "restore-servers-dialog",
                "Restore the local servers",
                "Puts back the local servers of a backup made with Back up the local servers, on a new computer "
                        + "or after their folders were lost; restore the vault backup too, for the keyIds. A server "
                        + "still here is kept as it is, never set back to an older backup (keyshard nodes restore "
                        + "does that on purpose). The local servers stop for a moment while it runs.",
                "Folder",
                "The folder with OFFICIAL_1.ksnode and the others",
                "Give the folder that holds the server backups.",
                servers::restore);
    }

    private static Stage show(
            Window owner,
            String id,
            String title,
            String explain,
            String placeLabel,
            String prompt,
            String missing,
            BiFunction<Path, char[], CompletableFuture<String>> restore) {
        TextField place = new TextField();
        place.setId("restore-file");
        place.setPromptText(prompt);
        place.setPrefColumnCount(32);
        PasswordField password = new PasswordField();
        password.setPrefColumnCount(28);
        password.setId("restore-password");
        GridPane grid = FormDialog.grid();
        grid.addRow(0, new Label(placeLabel), place);
        grid.addRow(1, new Label("Backup password"), password);
        Stage stage = FormDialog.show(owner, id, title, explain, grid, "Restore", () -> {
            if (place.getText().isBlank()) {
                return CompletableFuture.completedFuture(missing);
            }
            char[] pw = FormDialog.take(password);
            return restore.apply(Path.of(place.getText().strip()), pw);
        });
        place.requestFocus();
        return stage;
    }
}
