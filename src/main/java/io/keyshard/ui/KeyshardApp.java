package io.keyshard.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app (JavaFX). */
public final class KeyshardApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(KeyshardApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Keyshard");
        stage.setScene(new Scene(new Label("Keyshard"), 960, 640));
        stage.show();
    }
}
