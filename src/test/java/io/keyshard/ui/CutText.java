package io.keyshard.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.text.Text;

/** What a rendered screen shows cut: text JavaFX shortened with "…" (or dropped), and squeezed spinners. */
public final class CutText {
    private CutText() {}

    /**
     * Adds to {@code cut} every button, toggle, one-line label and combo box value on screen whose drawn text
     * differs from its text, every spinner narrower than its preferred width (its number no longer shows), and
     * a screen laid out wider than its window (its sides are cut off).
     */
    public static void collect(Parent root, String screen, List<String> cut) {
        double window = root.getScene().getWidth();
        for (Node n : root.getChildrenUnmodifiable()) {
            if (n.getLayoutBounds().getWidth() > window + 0.5) {
                cut.add(screen + ": laid out " + n.getLayoutBounds().getWidth() + " px wide in a window of " + window);
            }
        }
        List<Node> labeled = new ArrayList<>(root.lookupAll(".button"));
        labeled.addAll(root.lookupAll(".toggle-button"));
        labeled.addAll(root.lookupAll(".label"));
        for (Node box : root.lookupAll(".combo-box-base")) {
            Node value = box.lookup(".list-cell");
            if (value != null) {
                labeled.add(value);
            }
        }
        for (Node n : labeled) {
            if (n instanceof Labeled l && shown(l) && l.getText() != null) {
                Node text = l.lookup(".text");
                if (text instanceof Text t && !t.getText().equals(l.getText())) {
                    cut.add(screen + ": " + l.getText() + " -> " + t.getText());
                }
            }
        }
        for (Node n : root.lookupAll(".spinner")) {
            if (n instanceof Spinner<?> s && shown(s) && s.getWidth() + 0.5 < s.prefWidth(-1)) {
                cut.add(screen + ": spinner " + s.getId() + " squeezed to " + s.getWidth() + " px");
            }
        }
    }

    /** On screen: in a scene, and neither it nor a parent hidden. */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
