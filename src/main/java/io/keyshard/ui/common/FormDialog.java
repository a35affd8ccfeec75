package io.keyshard.ui.common;

import atlantafx.base.theme.Styles;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small modal form over the main window: an explanation, the fields, a red line for what went
 * wrong, and Cancel / the action. The action runs off the FX thread (a spinner shows meanwhile) and
 * completes with null to close the dialog, or with a sentence to show.
 */
public final class FormDialog {
    private FormDialog() {}

    /** A two-column grid for "name: field" rows whose names are never cut. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(names);
        return grid;
    }

    /** The field's characters as a char[] (never a new String), then the field is emptied. */
    public static char[] take(PasswordField field) {
        CharSequence text = field.getCharacters();
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = text.charAt(i);
        }
        field.clear();
        return out;
    }

    /** Shows the form; {@code id} names its root, {@code action} its main button. */
    public static Stage show(
            Window owner,
            String id,
            String title,
            String explanation,
            Node fields,
            String action,
            Supplier<CompletableFuture<String>> run) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Label explain = new Label(explanation);
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId(id + "-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.getStyleClass().add(Styles.DANGER);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        Button ok = new Button(action);
        ok.setId(id + "-ok");
        ok.setDefaultButton(true);
        ok.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        ok.setOnAction(e -> {
            ok.setDisable(true);
            busy.setVisible(true);
            error.setText("");
            run.get().thenAccept(problem -> {
                ok.setDisable(false);
                busy.setVisible(false);
                if (problem == null) {
                    stage.close();
                } else {
                    error.setText(problem);
                }
            });
        });
        HBox buttons = new HBox(8, busy, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, explain, fields, error, buttons);
        root.setPadding(new Insets(18));
        root.setId(id);
        Scene scene = OwnedScene.of(owner, root, -1, -1);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
