package io.keyshard.ui.common;

import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** A small "Copy" button that copies the current value through a {@link ValueCopier} and says "Copied". */
public final class CopyButton extends Button {
    public CopyButton(String what, Supplier<String> value, ValueCopier copier) {
        super("Copy", new FontIcon(MaterialDesignC.CONTENT_COPY));
        getStyleClass().add("copy-button");
        setTooltip(new Tooltip("Copy the " + what));
        setAccessibleText("Copy the " + what);
        PauseTransition reset = new PauseTransition(Duration.seconds(2));
        reset.setOnFinished(e -> setText("Copy"));
        setOnAction(e -> {
            String v = value.get();
            if (v != null && !v.isEmpty()) {
                copier.copy(v);
                setText("Copied");
                reset.playFromStart();
            }
        });
    }
}
