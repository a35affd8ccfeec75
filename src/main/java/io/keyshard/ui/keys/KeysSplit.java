package io.keyshard.ui.keys;

import io.keyshard.vault.KeyRecord;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseEvent;

/**
 * The Keys screen's table above the selected key's details. With no key selected the details have
 * nothing to show but a hint, so the table takes the height and every key is in sight; once a key
 * is selected the details open to the share the person last dragged them to, and the selected row
 * stays in sight.
 */
final class KeysSplit {
    /** The table's share of the height while a key's details are open, until the person drags the divider. */
    static final double OPEN_TABLE_SHARE = 0.38;
    /** Room kept under the table for the details' one-line hint when no key is selected, in pixels. */
    static final double HINT_HEIGHT = 64;

    private final SplitPane split;
    private final TableView<KeyRecord> table;
    private final ObservableValue<KeyRecord> selected;
    private double openShare = OPEN_TABLE_SHARE;
    private boolean placing;
    private boolean pressed;

    private KeysSplit(SplitPane split, TableView<KeyRecord> table, ObservableValue<KeyRecord> selected) {
        this.split = split;
        this.table = table;
        this.selected = selected;
    }

    /** The split pane of {@code table} over {@code details}, following {@code selected}. */
    static SplitPane create(TableView<KeyRecord> table, KeyDetailsView details, ObservableValue<KeyRecord> selected) {
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        KeysSplit s = new KeysSplit(split, table, selected);
        split.setDividerPositions(OPEN_TABLE_SHARE);
        split.heightProperty().addListener((o, a, h) -> s.place());
        selected.addListener((o, old, key) -> s.place());
        // the table's new height is set in the layout passes that follow (the details, once drawn, may take more
        // room and shrink it again): after each, the selected row is scrolled back into sight if it left it
        table.heightProperty().addListener((o, a, h) -> {
            if (selected.getValue() != null) {
                Platform.runLater(s::revealSelected);
            }
        });
        // only a divider the mouse moves is the person's choice; the pane also moves it while laying out
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> s.pressed = true);
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> s.pressed = false);
        split.getDividers().get(0).positionProperty().addListener((o, a, p) -> s.dragged(p.doubleValue()));
        s.place();
        return split;
    }

    /** The divider where the selection wants it: low with nothing selected, at the open share otherwise. */
    private void place() {
        double height = split.getHeight();
        if (height <= 0) {
            return;
        }
        double position = selected.getValue() == null ? Math.max(openShare, 1 - HINT_HEIGHT / height) : openShare;
        placing = true;
        try {
            split.setDividerPositions(position);
        } finally {
            placing = false;
        }
    }

    /** A position the person chose while a key's details are open is kept for the next selection. */
    private void dragged(double position) {
        if (pressed && !placing && selected.getValue() != null) {
            openShare = position;
        }
    }

    /** Scrolls the least needed for the selected row to be whole in the table's now smaller height. */
    private void revealSelected() {
        int index = table.getSelectionModel().getSelectedIndex();
        if (index >= 0 && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            // the smaller height brings a scroll bar, which narrows the columns and re-wraps rows to new heights:
            // lay out first, scroll, and scroll once more against the rows that scrolling brought in
            table.layout();
            flow.scrollTo(index);
            table.layout();
            flow.scrollTo(index);
        }
    }
}
