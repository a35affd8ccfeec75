package io.keyshard.ui.servers;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.OwnedScene;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Paste the JSON {@code keyshard node init} printed; a clear message if it is not valid, nothing written then. */
final class AddServerDialog {
    private AddServerDialog() {}

    static Stage show(Window owner, ServersViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Add a remote server");
        Label explain =
                new Label("On the server's machine, 'keyshard node init --name NAME --port P --data DIR' printed "
                        + "one JSON object { name, id, url, certSha256, apiKey, ... }. Paste it here. The API key is sealed in "
                        + "your vault, the rest goes to servers.json, and this computer's servers pin the server.");
        explain.setWrapText(true);
        explain.setMaxWidth(520);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        TextArea entry = new TextArea();
        entry.setId("server-entry");
        entry.setPromptText("{ \"name\": \"...\", \"id\": 4, \"url\": \"https://host:port\", \"certSha256\": \"...\", "
                + "\"apiKey\": \"...\" }");
        entry.setWrapText(true);
        entry.setPrefRowCount(6);
        Label error = new Label();
        error.setId("server-entry-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add(Styles.DANGER);
        Button add = new Button("Add server");
        add.setId("server-entry-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        add.setOnAction(e -> {
            add.setDisable(true);
            error.setText("");
            model.add(entry.getText()).thenAccept(result -> {
                add.setDisable(false);
                if (result.problem() == null) {
                    entry.clear();
                    stage.close();
                    // keys are made with it only once it pins this computer's servers too: say how, at once
                    LocalEntriesDialog.show(owner, model, result.name());
                } else {
                    error.setText(result.problem());
                }
            });
        });
        HBox buttons = new HBox(8, cancel, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, explain, entry, error, buttons);
        root.setId("add-server-dialog");
        root.setPadding(new Insets(18));
        Scene scene = OwnedScene.of(owner, root, 560, 330);
        stage.setScene(scene);
        stage.show();
        entry.requestFocus();
        return stage;
    }
}
