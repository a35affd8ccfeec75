package io.keyshard.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/** The scene of a window opened over another (a dialog, the Addresses window): it takes the owner's stylesheets, so its theme. */
public final class OwnedScene {
    private OwnedScene() {}

    /** A scene of {@code root} at {@code width} x {@code height} (-1: the root's preferred size), styled as {@code owner}. */
    public static Scene of(Window owner, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return scene;
    }
}
