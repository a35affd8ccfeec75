package io.keyshard.ui.unlock;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.FormDialog;
import io.keyshard.ui.common.PasswordMeterBar;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * "Restore from a backup" on a fresh home: the backup file, its password, and the new vault's
 * password (the backup's own, or a new one with the strength meter); ends unlocked on the Keys screen.
 */
final class RestoreForm extends VBox {
    private final TextField file = new TextField();
    private final PasswordField backupPassword = new PasswordField();
    private final CheckBox samePassword = new CheckBox("Use the backup's password for the new vault");
    private final PasswordField newPassword = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    RestoreForm(UnlockViewModel model, Path home, Node header, Node error, Node busy) {
        super(12);
        setId("restore-form");
        file.setId("restore-file");
        file.setPromptText("The .ksbackup file");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        choose.setId("restore-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a Keyshard backup");
            chooser.getExtensionFilters()
                    .addAll(
                            new FileChooser.ExtensionFilter("Keyshard backups (*.ksbackup)", "*.ksbackup"),
                            new FileChooser.ExtensionFilter("Every file", "*"));
            Path backups = home.resolve("backups");
            if (Files.isDirectory(backups)) {
                chooser.setInitialDirectory(backups.toFile());
            }
            File picked = chooser.showOpenDialog(getScene().getWindow());
            if (picked != null) {
                file.setText(picked.getPath());
                backupPassword.requestFocus();
            }
        });
        HBox fileRow = new HBox(8, file, choose);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        backupPassword.setId("restore-backup-password");
        backupPassword.setPromptText("The password the backup was made with");
        samePassword.setId("restore-same-password");
        samePassword.setSelected(true);
        samePassword.setWrapText(true);
        newPassword.setId("restore-new-password");
        newPassword.setPromptText("New vault password");
        confirm.setId("restore-confirm-password");
        confirm.setPromptText("The same password again");
        PasswordMeterBar meter = new PasswordMeterBar(model.restoreMeter(), "restore-strength");
        Runnable rate = () -> model.restoreEdited(newPassword.getCharacters(), confirm.getCharacters());
        newPassword.textProperty().addListener((obs, o, n) -> rate.run());
        confirm.textProperty().addListener((obs, o, n) -> rate.run());
        VBox newFields = new VBox(
                8,
                UnlockView.fieldLabel("New vault password", newPassword),
                newPassword,
                meter,
                UnlockView.fieldLabel("Confirm", confirm),
                confirm);
        newFields.visibleProperty().bind(samePassword.selectedProperty().not());
        newFields.managedProperty().bind(newFields.visibleProperty());

        Button restore = new Button("Restore", new FontIcon(MaterialDesignL.LOCK_PLUS));
        restore.setId("restore-vault");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.setDefaultButton(true);
        restore.disableProperty().bind(model.busyProperty());
        restore.setOnAction(e -> {
            String path = file.getText().strip();
            model.restore(
                    path.isEmpty() ? null : Path.of(path),
                    FormDialog.take(backupPassword),
                    samePassword.isSelected() ? null : FormDialog.take(newPassword),
                    samePassword.isSelected() ? null : FormDialog.take(confirm));
        });
        Button back = new Button("Back");
        back.setId("restore-back");
        back.setOnAction(e -> model.showRestore(false));
        HBox buttons = new HBox(8, back, restore);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label explain =
                UnlockView.paragraph("Restore the keys of a backup into a new vault on this computer: an exported "
                        + "backup opens with its own password, an automatic one (from a backups folder) with the vault "
                        + "password it was made under.");
        explain.setMinHeight(Region.USE_PREF_SIZE);
        Label shares =
                UnlockView.paragraph("A backup holds the keyIds, not the shares: the keys can be used again only "
                        + "where their servers still hold the shares.");
        shares.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        getChildren()
                .addAll(
                        header,
                        explain,
                        UnlockView.fieldLabel("Backup file", file),
                        fileRow,
                        UnlockView.fieldLabel("Backup password", backupPassword),
                        backupPassword,
                        samePassword,
                        newFields,
                        shares,
                        error,
                        busy,
                        buttons);
    }

    /** The first field to type in. */
    Node firstField() {
        return file.getText().isEmpty() ? file : backupPassword;
    }

    /** Empties every password field (the form is left or the vault was locked). */
    void clearPasswords() {
        backupPassword.clear();
        newPassword.clear();
        confirm.clear();
    }
}
