package io.keyshard.ui.pipeline;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.ValueCopier;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One stage of the drawn pipeline: its name, its value (selectable, copyable) and one line on what it did. */
final class StageCard extends VBox {
    private final Label value = new Label();
    private final Label note = new Label();

    StageCard(String id, String title, ValueCopier copier) {
        setId("stage-" + id);
        getStyleClass().add("stage-card");
        setSpacing(6);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        CopyButton copy = new CopyButton(title.toLowerCase(Locale.ROOT), value::getText, copier);
        copy.setId("copy-" + id);
        copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        HBox top = new HBox(8, heading, grow, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        value.setId("value-" + id);
        value.getStyleClass().add("mono-value");
        value.setWrapText(true);
        note.setId("note-" + id);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        getChildren().addAll(top, value, note);
    }

    void show(String v, String n) {
        value.setText(v == null ? "" : v);
        note.setText(n == null ? "" : n);
    }
}
