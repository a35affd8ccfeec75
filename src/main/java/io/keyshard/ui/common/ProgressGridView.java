package io.keyshard.ui.common;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/** A {@link ProgressGrid} drawn: a row per server, a column per phase, each cell a word with an icon and colour. */
public final class ProgressGridView extends GridPane {
    /** An empty grid with node id {@code id}; {@link #show} fills it. */
    public ProgressGridView(String id) {
        setId(id);
        setHgap(18);
        setVgap(10);
    }

    /** Draws the grid's current rows; each cell follows its state from then on. */
    public void show(ProgressGrid grid) {
        getChildren().clear();
        for (int i = 0; i < grid.phases().size(); i++) {
            Label h = new Label(ProgressGrid.title(grid.phases().get(i)));
            h.getStyleClass().add(Styles.TEXT_BOLD);
            add(h, i + 1, 0);
        }
        int row = 1;
        for (Map.Entry<String, List<ObjectProperty<StepState>>> e : grid.cells().entrySet()) {
            add(new Label(e.getKey()), 0, row);
            for (int i = 0; i < e.getValue().size(); i++) {
                Label cell = new Label();
                cell.setId("cell-" + e.getKey() + "-" + i);
                ObjectProperty<StepState> state = e.getValue().get(i);
                state.addListener((obs, o, s) -> paint(cell, s));
                paint(cell, state.get());
                add(cell, i + 1, row);
            }
            row++;
        }
    }

    private static void paint(Label cell, StepState s) {
        cell.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED, Styles.ACCENT);
        switch (s) {
            case WAITING -> {
                cell.setText("waiting");
                cell.setGraphic(new FontIcon(MaterialDesignC.CIRCLE_OUTLINE));
                cell.getStyleClass().add(Styles.TEXT_MUTED);
            }
            case SENT -> {
                cell.setText("working");
                cell.setGraphic(new FontIcon(MaterialDesignD.DOTS_HORIZONTAL_CIRCLE_OUTLINE));
                cell.getStyleClass().add(Styles.ACCENT);
            }
            case DONE -> {
                cell.setText("done");
                cell.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE));
                cell.getStyleClass().add(Styles.SUCCESS);
            }
            case FAILED -> {
                cell.setText("failed");
                cell.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE));
                cell.getStyleClass().add(Styles.DANGER);
            }
        }
    }
}
