package io.keyshard.ui.keys;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.backup.BackupDialog;
import io.keyshard.ui.common.FormDialog;
import io.keyshard.vault.KeyRecord;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** "Delete key": what it means for the shares, a way to export a backup first, and for a READY key a typed confirmation. */
final class DeleteKeyDialog {
    private DeleteKeyDialog() {}

    static Stage show(Window owner, KeyRecord key, KeyShelf shelf) {
        Button backup = new Button("Export a backup first…", new FontIcon(MaterialDesignC.CLOUD_UPLOAD_OUTLINE));
        backup.setId("delete-key-backup");
        backup.setOnAction(e -> BackupDialog.show(backup.getScene().getWindow(), shelf.backup()));
        VBox fields = new VBox(8, backup);
        TextField typed = new TextField();
        typed.setId("delete-key-confirm");
        if (KeyShelf.needsTyping(key)) {
            Label hint = new Label(KeyShelf.typingHint(key));
            hint.setWrapText(true);
            hint.setMaxWidth(460);
            typed.setPromptText(key.label().isEmpty() ? "start of the keyId" : "label or start of the keyId");
            fields.getChildren().addAll(hint, typed);
        }
        Stage stage = FormDialog.show(
                owner,
                "delete-key-dialog",
                "Delete " + key.nameInText() + "?",
                KeyShelf.deleteWarning(key),
                fields,
                "Delete key",
                () -> shelf.delete(key, typed.getText()));
        if (stage.getScene().lookup("#delete-key-dialog-ok") instanceof Button ok) {
            ok.getStyleClass().remove(Styles.ACCENT);
            ok.getStyleClass().add(Styles.DANGER);
            // Enter deletes only after the typed confirmation; without one it takes a click
            ok.setDefaultButton(KeyShelf.needsTyping(key));
        }
        (KeyShelf.needsTyping(key) ? typed : backup).requestFocus();
        return stage;
    }
}
