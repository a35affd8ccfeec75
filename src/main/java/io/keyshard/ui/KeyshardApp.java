package io.keyshard.ui;

import io.keyshard.Home;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app (JavaFX): opens the main window on the home folder ({@code KEYSHARD_HOME} or ~/.keyshard). */
public final class KeyshardApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(KeyshardApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppModel model = AppModel.forApp(Home.resolve(null));
        new AppWindow(model).install(stage);
        stage.setOnHidden(e -> model.cluster().close()); // stop the local nodes this app started
        stage.show();
    }
}
