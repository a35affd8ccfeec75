package io.keyshard.ui.servers;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before removing a server: keys made with it stay in the vault but cannot sign without it. */
final class RemoveConfirm {
    private RemoveConfirm() {}

    static void ask(Window owner, String name, ServersViewModel model) {
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Keyshard forgets " + name + " and its API key, and this computer's servers stop pinning it for "
                        + "new keys. Keys that use it stay in the vault, but need it (or enough other servers) to sign. "
                        + "You can add it again from its entry.",
                remove,
                ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText("Remove server " + name + "?");
        alert.getDialogPane().setId("remove-server-confirm");
        alert.showAndWait().filter(b -> b == remove).ifPresent(b -> model.remove(name));
    }
}
