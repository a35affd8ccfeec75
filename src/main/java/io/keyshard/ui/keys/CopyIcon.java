package io.keyshard.ui.keys;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The details pane's copy button: an icon beside the value it copies, with a tooltip saying which value. */
final class CopyIcon {
    private CopyIcon() {}

    static Button of(String id, String tooltip, String accessibleText, Runnable copy) {
        Button copyButton = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
        copyButton.setId(id);
        copyButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copyButton.setTooltip(new Tooltip(tooltip));
        copyButton.setAccessibleText(accessibleText);
        copyButton.setOnAction(e -> copy.run());
        return copyButton;
    }
}
