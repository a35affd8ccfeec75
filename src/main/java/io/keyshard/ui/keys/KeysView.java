package io.keyshard.ui.keys;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.EmptyState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/** The Keys place. Until the vault holds keys it explains what a threshold key is and how to make one. */
public final class KeysView extends StackPane {

    public KeysView(KeysViewModel model) {
        setId("keys-view");
        EmptyState empty = new EmptyState(MaterialDesignK.KEY_VARIANT, "No keys yet",
                "A threshold key is a wallet key that is never whole: its shares are generated on separate "
                        + "MPC servers, and a set number of them (say any 2 of 3) must work together to sign.",
                "Each key you create is listed here with its curve, threshold and status. Its keyId, "
                        + "the only handle to the shares, is kept in the encrypted vault on this computer.");

        Button newKey = new Button("New key", new FontIcon(MaterialDesignK.KEY_PLUS));
        newKey.setId("new-key");
        newKey.getStyleClass().add(Styles.ACCENT);
        newKey.setDefaultButton(true);
        newKey.setOnAction(e -> model.newKey());
        newKey.visibleProperty().bind(model.newKeyAvailableProperty());
        newKey.managedProperty().bind(newKey.visibleProperty());

        Label notYet = new Label("Creating keys from the app arrives with the New key wizard in a coming "
                + "version of Keyshard.");
        notYet.setId("new-key-unavailable");
        notYet.visibleProperty().bind(model.newKeyAvailableProperty().not());
        notYet.managedProperty().bind(notYet.visibleProperty());

        empty.withAction(newKey).withNote(notYet);
        empty.visibleProperty().bind(model.emptyProperty());
        getChildren().add(empty);
    }
}
