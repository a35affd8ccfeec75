package io.keyshard.ui.backup;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.OwnedScene;
import io.keyshard.ui.common.PasswordMeterBar;
import io.keyshard.ui.common.ShareCustody;
import java.nio.file.Path;
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

/** "Export a backup now": file and a backup password (twice); Enter exports, Escape cancels. */
public final class BackupDialog {
    private BackupDialog() {}

    /** Shows the dialog over {@code owner}; it closes itself once the backup is written. */
    public static Stage show(Window owner, BackupViewModel backup) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export a backup");
        TextField file = new TextField(BackupViewModel.suggestedFile().toString());
        file.setId("backup-file");
        file.setPrefColumnCount(32);
        PasswordField password = new PasswordField();
        password.setId("backup-password");
        PasswordField confirm = new PasswordField();
        confirm.setId("backup-confirm");
        Label explain = new Label("The backup holds every key record of the vault, encrypted with the password you "
                + "choose here. Keep the password: the backup cannot be opened without it.");
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        Label custody = new Label(ShareCustody.VAULT_BACKUP);
        custody.setId("backup-custody");
        custody.setWrapText(true);
        custody.setMaxWidth(460);
        custody.setMinHeight(Region.USE_PREF_SIZE);
        custody.getStyleClass().add("custody-note");
        Label error = new Label();
        error.setId("backup-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.getStyleClass().add(Styles.DANGER);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("File"), file);
        grid.addRow(1, new Label("Backup password"), password);
        grid.addRow(2, new Label("Repeat it"), confirm);
        PasswordMeterBar meterBar = new PasswordMeterBar(backup.meter(), "backup-strength");
        grid.add(meterBar, 1, 3);
        Label hint = new Label();
        hint.setId("backup-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(backup.meter().hintProperty());
        hint.visibleProperty().bind(error.textProperty().isEmpty()); // a refusal says the same in red
        hint.managedProperty().bind(hint.visibleProperty());
        grid.add(hint, 1, 4);
        Runnable rate = () -> {
            backup.meter().edited(password.getCharacters(), confirm.getCharacters());
            error.setText("");
        };
        password.textProperty().addListener((obs, o, n) -> rate.run());
        confirm.textProperty().addListener((obs, o, n) -> rate.run());
        rate.run();
        Button export = new Button("Export");
        export.setId("backup-export");
        export.setDefaultButton(true);
        export.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        export.setOnAction(e -> {
            if (file.getText().isBlank()) {
                error.setText("Give a file to write the backup to.");
                return;
            }
            export.setDisable(true);
            char[] pw = password.getText().toCharArray();
            char[] again = confirm.getText().toCharArray();
            backup.export(Path.of(file.getText().strip()), pw, again).thenAccept(problem -> {
                export.setDisable(false);
                if (problem == null) {
                    password.clear();
                    confirm.clear();
                    stage.close();
                } else {
                    error.setText(problem);
                }
            });
        });
        HBox buttons = new HBox(8, cancel, export);
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
}
