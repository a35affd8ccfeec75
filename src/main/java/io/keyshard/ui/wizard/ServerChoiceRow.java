package io.keyshard.ui.wizard;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.Fit;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** One offered server as a row: a tick box with its name, a coloured dot and its health in words. */
public final class ServerChoiceRow extends HBox {
    private final CheckBox box;

    /** A row for {@code c}, the tick box bound to its choice; local servers say they run on this computer. */
    public ServerChoiceRow(ServerChoice c) {
        super(10);
        box = new CheckBox(c.name() + (c.local() ? "  (this computer)" : ""));
        box.setId("server-" + c.name());
        box.setMnemonicParsing(false);
        box.selectedProperty().bindBidirectional(c.selectedProperty());
        box.setMinWidth(230);
        Label health = new Label();
        health.setId("health-" + c.name());
        health.setWrapText(true);
        health.textProperty().bind(Bindings.createStringBinding(c::healthText, c.statusProperty()));
        FontIcon dot = new FontIcon(MaterialDesignC.CIRCLE);
        dot.getStyleClass().add("health-dot");
        c.statusProperty().addListener((obs, o, s) -> paint(dot, health, c));
        paint(dot, health, c);
        getChildren().addAll(box, dot, health);
        setAlignment(Pos.CENTER_LEFT);
    }

    /**
     * A column of rows for {@code choices}, drawn again when servers are added or removed (a tick or a
     * health change updates its row in place); {@code drawn} runs after each drawing.
     */
    public static VBox rows(String id, ObservableList<ServerChoice> choices, Consumer<VBox> drawn) {
        VBox rows = new VBox(4);
        rows.setId(id);
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (ServerChoice c : choices) {
                rows.getChildren().add(new ServerChoiceRow(c));
            }
            drawn.accept(rows);
        };
        choices.addListener((ListChangeListener<ServerChoice>) ch -> {
            boolean structural = false;
            while (ch.next()) {
                structural |= ch.wasAdded() || ch.wasRemoved();
            }
            if (structural) {
                rebuild.run();
            }
        });
        rebuild.run();
        return rows;
    }

    /** "Check again" (node id {@code id}) running {@code check}, with the check's {@code note} beside it. */
    public static HBox checkAgain(String id, Runnable check, ObservableValue<String> note) {
        Button refresh = new Button("Check again", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId(id);
        refresh.setOnAction(e -> check.run());
        Label text = new Label();
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.textProperty().bind(note);
        Fit.wholeButtons(refresh);
        Fit.messageBeside(text);
        HBox row = new HBox(10, refresh, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The tick box (the wizard gives the first one the focus). */
    public CheckBox box() {
        return box;
    }

    private static void paint(FontIcon dot, Label text, ServerChoice c) {
        dot.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        text.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        if (c.statusProperty().get() == null) {
            dot.getStyleClass().add(Styles.TEXT_MUTED);
            text.getStyleClass().add(Styles.TEXT_MUTED);
        } else if (c.statusProperty().get().ok()) {
            dot.getStyleClass().add(Styles.SUCCESS);
        } else {
            dot.getStyleClass().add(Styles.DANGER);
            text.getStyleClass().add(Styles.DANGER);
        }
    }
}
