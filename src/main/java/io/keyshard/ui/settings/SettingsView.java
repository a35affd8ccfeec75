package io.keyshard.ui.settings;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.Theme;
import io.keyshard.ui.backup.BackupDialog;
import io.keyshard.ui.backup.BackupViewModel;
import io.keyshard.ui.backup.RestoreDialog;
import io.keyshard.ui.backup.ServerBackupViewModel;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.session.AppSettings;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The Settings place: one card per group of settings, each row a label, a line of help and its control. */
public final class SettingsView extends ScrollPane {

    /**
     * @param backup   the vault's backup export and restore, offered under "Backup"
     * @param servers  the local servers' backup, offered under "Backup"
     * @param password the vault password change, offered under "Security"
     * @param home     the home folder, shown under "Your data" with the folders in it
     * @param copier   where its Copy buttons put a folder's path (the app's clipboard that clears itself)
     */
    public SettingsView(
            SettingsViewModel model,
            Runnable lockNow,
            BackupViewModel backup,
            ServerBackupViewModel servers,
            PasswordChangeViewModel password,
            Path home,
            ValueCopier copier) {
        setId("settings-view");
        setFitToWidth(true);
        getStyleClass().add("settings-view");

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);

        VBox page = new VBox(
                20,
                title,
                section(
                        "Appearance",
                        row("Theme", "Light or dark; the whole window changes at once.", themeSwitch(model))),
                section(
                        "Security",
                        row(
                                "Lock automatically",
                                "After this many minutes without a key press or mouse movement in "
                                        + "Keyshard, the vault closes and the password is needed again.",
                                autoLock(model)),
                        row(
                                "Clear the clipboard",
                                "A keyId, key or address you copy is removed from the clipboard "
                                        + "30 seconds later, unless you copied something else since.",
                                clipboardSwitch(model)),
                        row("Lock now", "Closes the vault at once (Ctrl+L anywhere).", lockButton(lockNow)),
                        row(
                                "Vault password",
                                "Re-encrypts the vault under a new password (the same rule as " + "creating it).",
                                passwordButton(password))),
                section(
                        "Backup",
                        row(
                                "Export a backup",
                                "Writes every key record of the vault to a file sealed with a password "
                                        + "you choose; the shares stay on the servers.",
                                exportButton(backup)),
                        row(
                                "Restore from a backup",
                                "Adds the keys of a backup file that this vault does not hold; "
                                        + "keys it already holds are kept as they are.",
                                restoreButton(backup)),
                        row(
                                "Back up the local servers",
                                "Writes the shares the three servers on this computer keep to files sealed with a "
                                        + "password you choose: the vault backup holds no shares.",
                                serversButton(servers)),
                        row(
                                "Restore the local servers",
                                "Puts back local servers from such a backup, on a new computer or after their "
                                        + "folders were lost.",
                                serversRestoreButton(servers))),
                DataSection.of(home, copier),
                saveProblem(model));
        page.getStyleClass().add("settings-page");
        setContent(page);
    }

    private static Node autoLock(SettingsViewModel model) {
        Spinner<Integer> minutes = new Spinner<>(
                1,
                AppSettings.MAX_AUTO_LOCK_MINUTES,
                model.autoLockMinutesProperty().get());
        minutes.setId("auto-lock-minutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(90);
        minutes.getValueFactory().valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                model.autoLockMinutesProperty().set(v);
            }
        });
        model.autoLockMinutesProperty()
                .addListener((obs, old, v) -> minutes.getValueFactory().setValue(v.intValue()));
        minutes.disableProperty().bind(model.neverLockProperty());
        Label unit = new Label("minutes");
        CheckBox never = new CheckBox("Never");
        never.setId("auto-lock-never");
        never.selectedProperty().bindBidirectional(model.neverLockProperty());
        HBox box = new HBox(8, minutes, unit, never);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node clipboardSwitch(SettingsViewModel model) {
        CheckBox clear = new CheckBox("After 30 s");
        clear.setId("clear-clipboard");
        clear.selectedProperty().bindBidirectional(model.clearClipboardProperty());
        return clear;
    }

    private static Node lockButton(Runnable lockNow) {
        Button lock = new Button("Lock", new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        lock.setId("lock-now");
        lock.setOnAction(e -> lockNow.run());
        return lock;
    }

    private static Node exportButton(BackupViewModel backup) {
        Button export = new Button("Export...", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        export.setId("settings-export-backup");
        export.setOnAction(e -> BackupDialog.show(export.getScene().getWindow(), backup));
        Label note = new Label();
        note.setId("settings-backup-note");
        note.setWrapText(true);
        note.textProperty().bind(backup.noteProperty());
        VBox box = new VBox(6, export, note);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private static Node restoreButton(BackupViewModel backup) {
        Button restore = new Button("Restore...", new FontIcon(MaterialDesignB.BACKUP_RESTORE));
        restore.setId("settings-restore-backup");
        restore.setOnAction(e -> RestoreDialog.show(restore.getScene().getWindow(), backup));
        return withNote(restore, backup.restoreNoteProperty(), "settings-restore-note");
    }

    private static Node serversButton(ServerBackupViewModel servers) {
        Button backUp = new Button("Back up...", new FontIcon(MaterialDesignS.SERVER_SECURITY));
        backUp.setId("settings-backup-servers");
        backUp.setOnAction(e -> BackupDialog.showServers(backUp.getScene().getWindow(), servers));
        return withNote(backUp, servers.noteProperty(), "settings-servers-note");
    }

    private static Node serversRestoreButton(ServerBackupViewModel servers) {
        Button restore = new Button("Restore...", new FontIcon(MaterialDesignB.BACKUP_RESTORE));
        restore.setId("settings-restore-servers");
        restore.setOnAction(e -> RestoreDialog.showServers(restore.getScene().getWindow(), servers));
        return withNote(restore, servers.restoreNoteProperty(), "settings-servers-restore-note");
    }

    private static Node passwordButton(PasswordChangeViewModel password) {
        Button change = new Button("Change...", new FontIcon(MaterialDesignK.KEY_CHANGE));
        change.setId("settings-change-password");
        change.setOnAction(e -> PasswordDialog.show(change.getScene().getWindow(), password));
        return withNote(change, password.noteProperty(), "settings-password-note");
    }

    private static Node withNote(Button button, ObservableStringValue text, String id) {
        Label note = new Label();
        note.setId(id);
        note.setWrapText(true);
        note.setPrefWidth(260); // a long note wraps under the button instead of squeezing the row's text
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(text);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        VBox box = new VBox(6, button, note);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private static Node saveProblem(SettingsViewModel model) {
        Label label = new Label();
        label.setId("settings-save-problem");
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.textProperty().bind(model.saveProblemProperty());
        label.visibleProperty().bind(model.saveProblemProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Node themeSwitch(SettingsViewModel model) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton light = themeButton(Theme.LIGHT, new FontIcon(MaterialDesignW.WHITE_BALANCE_SUNNY), group);
        ToggleButton dark = themeButton(Theme.DARK, new FontIcon(MaterialDesignW.WEATHER_NIGHT), group);
        light.getStyleClass().add(Styles.LEFT_PILL);
        dark.getStyleClass().add(Styles.RIGHT_PILL);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one theme is always chosen
            } else {
                model.themeProperty().set((Theme) now.getUserData());
            }
        });
        Runnable sync = () -> (model.theme() == Theme.LIGHT ? light : dark).setSelected(true);
        model.themeProperty().addListener((obs, old, now) -> sync.run());
        sync.run();
        return new HBox(light, dark);
    }

    private static ToggleButton themeButton(Theme theme, FontIcon icon, ToggleGroup group) {
        ToggleButton button = new ToggleButton(theme.displayName(), icon);
        button.setId("theme-" + theme.name().toLowerCase(Locale.ROOT));
        button.setUserData(theme);
        button.setToggleGroup(group);
        return button;
    }

    static VBox section(String heading, Node... rows) {
        Label label = new Label(heading);
        label.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(12, label);
        card.getChildren().addAll(rows);
        card.getStyleClass().add("settings-card");
        return card;
    }

    static Node row(String name, String help, Node control) {
        return row(name, help, null, control);
    }

    /** A setting's row: its name, what it does, an optional {@code below} (a value), and its control on the right. */
    static Node row(String name, String help, Node below, Node control) {
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add(Styles.TEXT_BOLD);
        nameLabel.setWrapText(true); // a narrow window wraps the name as it does the help, never cuts it
        Label helpLabel = new Label(help);
        helpLabel.getStyleClass().add(Styles.TEXT_MUTED);
        helpLabel.setWrapText(true);
        VBox text = new VBox(2, nameLabel, helpLabel);
        if (below != null) {
            text.getChildren().add(below);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        if (control instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE); // the help text wraps; the control never shrinks
        }
        HBox row = control == null ? new HBox(16, text) : new HBox(16, text, gap, control);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
