package io.keyshard.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app (JavaFX): opens the main window; everything else lives in {@link AppWindow} and the view-models. */
public final class KeyshardApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(KeyshardApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppModel model = new AppModel();
        new AppWindow(model).install(stage);
        stage.setOnHidden(e -> model.cluster().close());
        stage.show();
    }
}
