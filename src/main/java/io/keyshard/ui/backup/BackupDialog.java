package io.keyshard.ui.backup;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.OwnedScene;
import io.keyshard.ui.common.PasswordMeter;
import io.keyshard.ui.common.PasswordMeterBar;
import io.keyshard.ui.common.ShareCustody;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A backup written to a file or folder sealed with a password typed twice, rated by the backup rule's
 * meter: "Export a backup" of the vault's key records and "Back up the local servers". Enter writes,
 * Escape cancels.
 */
public final class BackupDialog {
    /** How a dialog writes its backup: completes with null once written, else with what to fix; wipes the arrays. */
    @FunctionalInterface
    interface Writer {
        CompletableFuture<String> write(Path to, char[] password, char[] confirm);
    }

    /** One kind of backup: the dialog's title, its words, where it proposes to write, and how. */
    record Kind(
            String title,
            String explain,
            String custody,
            String placeLabel,
            Path suggested,
            String action,
            PasswordMeter meter,
            Writer writer) {}

    private BackupDialog() {}

    /** "Export a backup now" of the vault's key records, over {@code owner}; closes itself once written. */
    public static Stage show(Window owner, BackupViewModel backup) {
        return show(
                owner,
                new Kind(
                        "Export a backup",
                        "The backup holds every key record of the vault, encrypted with the password you choose "
                                + "here. Keep the password: the backup cannot be opened without it.",
                        ShareCustody.VAULT_BACKUP,
                        "File",
                        BackupViewModel.suggestedFile(),
                        "Export",
                        backup.meter(),
                        backup::export));
    }

    /** "Back up the local servers" (or one of them) into a folder, over {@code owner}; closes itself once written. */
    public static Stage showServers(Window owner, ServerBackupViewModel servers) {
        return show(
                owner,
                new Kind(
                        servers.title(),
                        servers.explain(),
                        servers.custody(),
                        "Folder",
                        servers.suggested(),
                        "Back up",
                        servers.meter(),
                        servers::backup));
    }

    private static Stage show(Window owner, Kind kind) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(kind.title());
        TextField place = new TextField(kind.suggested().toString());
        place.setId("backup-file");
        place.setPrefColumnCount(32);
        PasswordField password = new PasswordField();
        password.setId("backup-password");
        PasswordField confirm = new PasswordField();
        confirm.setId("backup-confirm");
        Label explain = paragraph(kind.explain(), null);
        Label custody = paragraph(kind.custody(), "backup-custody");
        custody.getStyleClass().add("custody-note");
        Label error = new Label();
        error.setId("backup-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.getStyleClass().add(Styles.DANGER);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(kind.placeLabel()), place);
        grid.addRow(1, new Label("Backup password"), password);
        grid.addRow(2, new Label("Repeat it"), confirm);
        PasswordMeterBar meterBar = new PasswordMeterBar(kind.meter(), "backup-strength");
        grid.add(meterBar, 1, 3);
        Label hint = new Label();
        hint.setId("backup-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(kind.meter().hintProperty());
        hint.visibleProperty().bind(error.textProperty().isEmpty()); // a refusal says the same in red
        hint.managedProperty().bind(hint.visibleProperty());
        grid.add(hint, 1, 4);
        Runnable rate = () -> {
            kind.meter().edited(password.getCharacters(), confirm.getCharacters());
            error.setText("");
        };
        password.textProperty().addListener((obs, o, n) -> rate.run());
        confirm.textProperty().addListener((obs, o, n) -> rate.run());
        rate.run();
        Button write = new Button(kind.action());
        write.setId("backup-export");
        write.setDefaultButton(true);
        write.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        write.setOnAction(e -> {
            if (place.getText().isBlank()) {
                error.setText("Give a " + kind.placeLabel().toLowerCase(Locale.ROOT) + " to write the backup to.");
                return;
            }
            write.setDisable(true);
            char[] pw = password.getText().toCharArray();
            char[] again = confirm.getText().toCharArray();
            kind.writer().write(Path.of(place.getText().strip()), pw, again).thenAccept(problem -> {
                write.setDisable(false);
                if (problem == null) {
                    password.clear();
                    confirm.clear();
                    stage.close();
                } else {
                    error.setText(problem);
                }
            });
        });
        HBox buttons = new HBox(8, cancel, write);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, explain, custody, grid, error, buttons);
        root.setPadding(new Insets(18));
        root.setId("backup-dialog");
        Scene scene = OwnedScene.of(owner, root, -1, -1);
        stage.setScene(scene);
        stage.show();
        password.requestFocus();
        return stage;
    }

    private static Label paragraph(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(460);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
