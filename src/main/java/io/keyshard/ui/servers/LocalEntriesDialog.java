package io.keyshard.ui.servers;

import atlantafx.base.theme.Styles;
import io.keyshard.json.StrictJson;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.OwnedScene;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * This computer's servers' entries for a remote server's operator to pin ({@code keyshard node peers add}):
 * a server makes keys only with servers it pins, and this computer's servers pin the remote ones added here.
 */
final class LocalEntriesDialog {
    private LocalEntriesDialog() {}

    /** Opens the dialog; {@code added} names the server just added (its operator is the one to pin them), or null. */
    static Stage show(Window owner, ServersViewModel model, String added) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("This computer's servers, for a remote server");
        String who = added == null ? "each remote server's operator" : added + "'s operator";
        Label explain = new Label((added == null ? "" : "Added " + added + "; this computer's servers pin it. ")
                + "A server makes keys only with the servers its operator pinned, so " + who + " pins these "
                + "entries in turn: on that machine, save each one to a file and run 'keyshard node peers add --data "
                + "DIR --entry FILE'. They hold no secret (no API key).");
        explain.setId("local-entries-explain");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        VBox entries = new VBox(12);
        entries.setId("local-entries");
        Label loading = new Label("Reading this computer's servers…");
        loading.getStyleClass().add(Styles.TEXT_MUTED);
        entries.getChildren().add(loading);
        // the model answers on the FX thread
        model.localEntries()
                .whenComplete((list, e) -> entries.getChildren()
                        .setAll(
                                e != null
                                        ? List.of(note("Could not read this computer's servers: " + UiTasks.message(e)))
                                        : list.isEmpty()
                                                ? List.of(note(
                                                        "This computer's servers are made with the first key, or when "
                                                                + "the local cluster starts: start it on the Servers screen, then "
                                                                + "open this again."))
                                                : list.stream()
                                                        .map(LocalEntriesDialog::entry)
                                                        .toList()));
        ScrollPane scroll = new ScrollPane(entries);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId("local-entries-close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, explain, scroll, buttons);
        root.setId("local-entries-dialog");
        root.setPadding(new Insets(18));
        Scene scene = OwnedScene.of(owner, root, 640, 560);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** One server's entry: its name, the JSON {@code node peers export} prints for it, and Copy. */
    private static VBox entry(PeerEntry e) {
        String json;
        try {
            json = StrictJson.mapper().writeValueAsString(e); // one line: what a terminal takes whole
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        Label name = new Label(e.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        // an entry holds no secret (no API key): the system clipboard keeps it until replaced
        Button copy = new CopyButton("entry of " + e.name(), () -> json, ValueCopier.systemClipboard());
        copy.setId("copy-entry-" + e.name());
        HBox head = new HBox(10, name, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(json);
        text.setId("entry-" + e.name());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("mono-value");
        return new VBox(6, head, text);
    }
}
