package io.keyshard.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A toolbar of a lead (a title), a middle group (a count, search, filters) and actions: on one line when the
 * three fit, the middle group taking the room between, else with the middle group on a second line, so a
 * narrow window never pushes an action or the title out of sight. The middle group may shrink to its minimum
 * width before it moves.
 */
public final class TwoLineBar extends VBox {
    private static final double GAP = 12;

    private final HBox first = new HBox(GAP);
    private final Region grow = new Region();
    private final Region lead;
    private final Region middle;
    private final Region actions;
    private Boolean oneLine;

    public TwoLineBar(Region lead, Region middle, Region actions) {
        super(8);
        this.lead = lead;
        this.middle = middle;
        this.actions = actions;
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(middle, Priority.ALWAYS);
        first.setAlignment(Pos.CENTER_LEFT);
        arrange(true);
    }

    /**
     * As narrow as the two-line form: a parent then gives this bar less than the one-line width when it has
     * less, and the bar moves its middle group down instead of overflowing.
     */
    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        double firstLine = lead.minWidth(-1) + actions.minWidth(-1) + 2 * GAP; // lead, grow, actions
        return in.getLeft() + in.getRight() + Math.max(firstLine, middle.minWidth(-1));
    }

    /** Decides at each layout: the width changes, and so do the groups (a filter shown, a longer count). */
    @Override
    protected void layoutChildren() {
        arrange(getWidth() >= oneLineWidth());
        super.layoutChildren();
    }

    /** The width the three groups need side by side, the middle one at its minimum. */
    private double oneLineWidth() {
        Insets in = getInsets();
        return in.getLeft()
                + in.getRight()
                + lead.prefWidth(-1)
                + middle.minWidth(-1)
                + actions.prefWidth(-1)
                + 2 * GAP;
    }

    private void arrange(boolean together) {
        if (Boolean.valueOf(together).equals(oneLine)) {
            return;
        }
        oneLine = together;
        if (together) {
            first.getChildren().setAll(lead, middle, actions);
            getChildren().setAll(first);
        } else {
            first.getChildren().setAll(lead, grow, actions);
            getChildren().setAll(first, middle);
        }
    }
}
