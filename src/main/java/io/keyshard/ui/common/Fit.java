package io.keyshard.ui.common;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Layout rules that keep text readable when space runs short: buttons stay whole, messages wrap, cut cells explain. */
public final class Fit {
    private Fit() {}

    /** Buttons never shrink below their text: in a full bar the message beside them gives way instead. */
    public static void wholeButtons(ButtonBase... buttons) {
        for (ButtonBase b : buttons) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** A message in a button bar: takes the room the buttons leave, wraps onto more lines, and may shrink to nothing. */
    public static void messageBeside(Label message) {
        message.setWrapText(true);
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
    }

    /** A text column whose cells carry their whole text as a tooltip, so an ellipsized value can still be read. */
    public static <S> void tooltipCells(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
    }
}
