package io.keyshard.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A calm, centred explanation for a place that has nothing to show yet: an icon, a title,
 * what the place is for, and optionally what to do first (actions) or a quieter note.
 */
public final class EmptyState extends VBox {
    private static final double PARAGRAPH_WIDTH = 520;

    private final HBox actions = new HBox(12);
    private final VBox paragraphs = new VBox(8);

    public EmptyState(Ikon icon, String title, String... body) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setFillWidth(false);

        StackPane badge = new StackPane(new FontIcon(icon));
        badge.getStyleClass().add("empty-state-badge");

        Label heading = new Label(title);
        heading.getStyleClass().addAll("empty-state-title", Styles.TITLE_2);

        paragraphs.setAlignment(Pos.CENTER);
        for (String text : body) {
            paragraphs.getChildren().add(paragraph(text, "empty-state-body"));
        }
        actions.setAlignment(Pos.CENTER);
        actions.getStyleClass().add("empty-state-actions");
        actions.managedProperty().bind(Bindings.isNotEmpty(actions.getChildren()));

        getChildren().addAll(badge, heading, paragraphs, actions);
    }

    /** Adds a button or link that does the first useful thing in this place. */
    public EmptyState withAction(Node action) {
        actions.getChildren().add(action);
        return this;
    }

    private static Label paragraph(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        wrapCentred(label);
        return label;
    }

    private static void wrapCentred(Label label) {
        label.setWrapText(true);
        label.setMaxWidth(PARAGRAPH_WIDTH);
        label.setTextAlignment(TextAlignment.CENTER);
    }
}
