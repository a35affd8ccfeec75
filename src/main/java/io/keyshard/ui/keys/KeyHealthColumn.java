package io.keyshard.ui.keys;

import atlantafx.base.theme.Styles;
import io.keyshard.client.KeyHealth;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.util.Comparator;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Keys table's Health column: per READY key whether every server still holds its share, with a
 * tooltip naming each server and what it answered; and the toolbar button that checks again.
 */
final class KeyHealthColumn {
    private KeyHealthColumn() {}

    /** What one cell shows: the key's last checked health (null: not checked), while a check may run. */
    record Shown(KeyRecord key, KeyHealth health, boolean checking) {
        /** Sorts unusable first, then degraded, unknown, healthy, unchecked. */
        int rank() {
            if (health == null) {
                return 9;
            }
            return switch (health.state()) {
                case UNUSABLE -> 0;
                case DEGRADED -> 1;
                case UNKNOWN -> 2;
                case HEALTHY -> 3;
            };
        }
    }

    /** The column over {@code table}; it redraws when a check starts or ends. */
    static TableColumn<KeyRecord, Shown> create(KeyHealthModel model, TableView<KeyRecord> table) {
        TableColumn<KeyRecord, Shown> col = new TableColumn<>("Health");
        col.setId("col-health");
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(new Shown(
                c.getValue(),
                model.health().get(c.getValue().keyId()),
                model.checkingProperty().get())));
        col.setComparator(Comparator.comparingInt(Shown::rank));
        col.setCellFactory(c -> new HealthCell());
        InvalidationListener redraw = o -> table.refresh();
        model.checkingProperty().addListener(redraw);
        model.health().addListener((MapChangeListener<Object, Object>) change -> table.refresh());
        return col;
    }

    /** "Check shares": asks every server about every READY key again. */
    static Button checkButton(KeyHealthModel model) {
        Button check = new Button("Check shares", new FontIcon(MaterialDesignS.SHIELD_SYNC_OUTLINE));
        check.setId("check-health");
        check.setTooltip(new Tooltip("Ask every server whether it still holds its share of each READY key"));
        check.disableProperty().bind(model.checkingProperty());
        check.setOnAction(e -> model.check());
        check.setMinWidth(Region.USE_PREF_SIZE);
        return check;
    }

    /** The words a cell shows for a state. */
    static String word(KeyHealth.State state) {
        return switch (state) {
            case HEALTHY -> "Healthy";
            case DEGRADED -> "Degraded";
            case UNUSABLE -> "Unusable";
            case UNKNOWN -> "Unknown";
        };
    }

    /** The tooltip: the summary, then each server and what it answered. */
    static String detail(KeyHealth h) {
        return word(h.state()) + ": " + h.summary() + "\n"
                + h.servers().stream()
                        .map(s -> s.name() + ": " + s.share().word() + " (" + s.detail() + ")")
                        .collect(Collectors.joining("\n"));
    }

    private static final class HealthCell extends TableCell<KeyRecord, Shown> {
        @Override
        protected void updateItem(Shown shown, boolean empty) {
            super.updateItem(shown, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
            setTooltip(null);
            if (empty || shown == null || shown.key().status() != KeyStatus.READY) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (shown.checking()) {
                decorate("Checking…", MaterialDesignS.SYNC, Styles.TEXT_MUTED);
                return;
            }
            KeyHealth h = shown.health();
            if (h == null) {
                decorate("Not checked", MaterialDesignH.HELP_CIRCLE_OUTLINE, Styles.TEXT_MUTED);
                return;
            }
            switch (h.state()) {
                case HEALTHY -> decorate(word(h.state()), MaterialDesignS.SHIELD_CHECK, Styles.SUCCESS);
                case DEGRADED -> decorate(word(h.state()), MaterialDesignA.ALERT, Styles.WARNING);
                case UNUSABLE -> decorate(word(h.state()), MaterialDesignA.ALERT_OCTAGON, Styles.DANGER);
                case UNKNOWN -> decorate(word(h.state()), MaterialDesignC.CLOUD_QUESTION, Styles.TEXT_MUTED);
            }
            Tooltip tip = new Tooltip(detail(h));
            tip.setShowDelay(Duration.millis(300));
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            setTooltip(tip);
        }

        private void decorate(String text, Ikon icon, String style) {
            setText(text);
            setGraphic(new FontIcon(icon));
            getStyleClass().add(style);
        }
    }
}
