package io.keyshard.ui.settings;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.FormDialog;
import io.keyshard.ui.common.PasswordMeterBar;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Change the vault password": the current one, the new one twice with the same meter as creating the vault. */
public final class PasswordDialog {
    private PasswordDialog() {}

    /** Shows the dialog over {@code owner}; it closes itself once the vault is re-encrypted. */
    public static Stage show(Window owner, PasswordChangeViewModel model) {
        PasswordField current = new PasswordField();
        current.setPrefColumnCount(28);
        current.setId("current-password");
        PasswordField fresh = new PasswordField();
        fresh.setPrefColumnCount(28);
        fresh.setId("changed-password");
        PasswordField confirm = new PasswordField();
        confirm.setPrefColumnCount(28);
        confirm.setId("changed-confirm");
        Label hint = new Label();
        hint.setId("changed-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        hint.setPrefWidth(380);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(model.meter().hintProperty());
        Runnable rate = () -> model.meter().edited(fresh.getCharacters(), confirm.getCharacters());
        fresh.textProperty().addListener((obs, o, n) -> rate.run());
        confirm.textProperty().addListener((obs, o, n) -> rate.run());
        GridPane grid = FormDialog.grid();
        grid.addRow(0, new Label("Current password"), current);
        grid.addRow(1, new Label("New password"), fresh);
        grid.addRow(2, new Label("Repeat it"), confirm);
        grid.add(new PasswordMeterBar(model.meter(), "changed-strength"), 1, 3);
        grid.add(hint, 1, 4);
        Stage stage = FormDialog.show(
                owner,
                "password-dialog",
                "Change the vault password",
                "The vault is re-encrypted under the new password. It cannot be recovered or reset: "
                        + "keep it where you keep the backup's.",
                grid,
                "Change password",
                () -> model.change(FormDialog.take(current), FormDialog.take(fresh), FormDialog.take(confirm)));
        current.requestFocus();
        return stage;
    }
}
