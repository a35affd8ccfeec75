package io.keyshard.ui;

import io.keyshard.Home;
import io.keyshard.ui.session.WindowPlacement;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app (JavaFX): opens the main window on the home folder ({@code KEYSHARD_HOME} or ~/.keyshard). */
public final class KeyshardApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(KeyshardApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Path home = Home.resolve(null);
        AppModel model = AppModel.forApp(home);
        new AppWindow(model).install(stage);
        WindowPlacement.restore(stage, home);
        stage.setOnCloseRequest(e -> rememberPlacement(stage, home));
        stage.setOnHidden(e -> model.cluster().close()); // stop the local nodes this app started
        stage.show();
    }

    private static void rememberPlacement(Stage stage, Path home) {
        try {
            WindowPlacement.of(stage).save(home);
        } catch (IOException e) {
            // the app still closes; it only opens at its default size next time
        }
    }
}
