package io.keyshard.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The scene's root: the main frame, with room for one full-window overlay above it (the
 * unlock / create-vault screen). While an overlay shows, the main frame is hidden and out of
 * the focus order, so nothing behind a locked vault can be seen or reached.
 */
public final class AppRoot extends StackPane {
    private final MainView main;
    private final ReadOnlyBooleanWrapper overlayShowing = new ReadOnlyBooleanWrapper(this, "overlayShowing");
    private Node overlay;

    public AppRoot(MainView main) {
        this.main = main;
        setId("app-root");
        getChildren().add(main);
    }

    public MainView main() {
        return main;
    }

    /** Covers the main frame with this node until {@link #clearOverlay()}. */
    public void showOverlay(Node node) {
        if (overlay != null) {
            getChildren().remove(overlay);
        }
        overlay = node;
        getChildren().add(node);
        main.setVisible(false);
        main.setDisable(true);
        overlayShowing.set(true);
        node.requestFocus();
    }

    /** Removes the overlay and gives the main frame back to the user. */
    public void clearOverlay() {
        if (overlay != null) {
            getChildren().remove(overlay);
            overlay = null;
        }
        main.setDisable(false);
        main.setVisible(true);
        overlayShowing.set(false);
    }

    public ReadOnlyBooleanProperty overlayShowingProperty() {
        return overlayShowing.getReadOnlyProperty();
    }
}
