package io.keyshard.ui;

import io.keyshard.ui.keys.KeysView;
import io.keyshard.ui.servers.ServersView;
import io.keyshard.ui.settings.SettingsView;
import io.keyshard.ui.shell.AppRoot;
import io.keyshard.ui.shell.MainView;
import io.keyshard.ui.shell.Place;
import io.keyshard.ui.shell.Shortcuts;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Keyshard's main window: builds the scene (frame, screens, stylesheet, shortcuts) from an
 * {@link AppModel} and dresses a stage with it. The app and the UI tests both go through here,
 * so the tests see exactly the window a user gets.
 */
public final class AppWindow {
    public static final String TITLE = "Keyshard";
    static final double WIDTH = 1040;
    static final double HEIGHT = 680;

    private final AppModel model;
    private final AppRoot root;
    private final Scene scene;

    /** Builds the window's scene; call on the FX thread. */
    public AppWindow(AppModel model) {
        this.model = model;
        Map<Place, Supplier<Node>> screens = Map.of(
                Place.KEYS, () -> new KeysView(model.keys()),
                Place.SERVERS, () -> new ServersView(model.servers()),
                Place.SETTINGS, () -> new SettingsView(model.settings()));
        root = new AppRoot(new MainView(model.navigation(), screens));
        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(AppWindow.class.getResource("keyshard.css").toExternalForm());
        Shortcuts.install(scene, model.navigation(), root.overlayShowingProperty().not());

        model.settings().themeProperty().addListener((obs, old, theme) -> theme.apply());
        model.settings().theme().apply();
    }

    public AppModel model() {
        return model;
    }

    public AppRoot root() {
        return root;
    }

    public Scene scene() {
        return scene;
    }

    /** Puts this window on the stage: title, icons, scene and a minimum size that keeps text readable. */
    public void install(Stage stage) {
        stage.setTitle(TITLE);
        stage.getIcons().setAll(AppIcons.windowIcons());
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
    }
}
