package io.keyshard.ui.keys;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.EmptyState;
import io.keyshard.ui.common.TwoLineBar;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The Keys place: a searchable, sortable table of the vault's keys with the selected key's details
 * beside it; until the vault holds keys, an explanation of what a threshold key is. Ctrl+F goes
 * to the search, Escape clears it, Down goes on into the table, Ctrl+C in the table copies the keyId.
 */
public final class KeysView extends StackPane {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    public KeysView(KeysViewModel model) {
        setId("keys-view");
        Node empty = emptyState(model);
        empty.visibleProperty().bind(model.emptyProperty());
        Node list = listPane(model);
        list.visibleProperty().bind(model.emptyProperty().not());
        getChildren().addAll(empty, list);
    }

    private static Node emptyState(KeysViewModel model) {
        EmptyState empty = new EmptyState(
                MaterialDesignK.KEY_VARIANT,
                "No keys yet",
                "A threshold key is a wallet key that is never whole: its shares are generated on separate "
                        + "MPC servers, and a set number of them (say any 2 of 3) must work together to sign.",
                "Each key you create is listed here with its curve, threshold and status. Its keyId, "
                        + "the only handle to the shares, is kept in the encrypted vault on this computer.");
        Button newKey = newKeyButton(model, "new-key");
        newKey.setDefaultButton(true);
        return empty.withAction(newKey);
    }

    private static Button newKeyButton(KeysViewModel model, String id) {
        Button newKey = new Button("New key", new FontIcon(MaterialDesignK.KEY_PLUS));
        newKey.setId(id);
        newKey.setMinWidth(Region.USE_PREF_SIZE);
        newKey.getStyleClass().add(Styles.ACCENT);
        newKey.setOnAction(e -> model.newKey());
        newKey.setTooltip(new Tooltip("Make a new threshold key (Ctrl+N)"));
        newKey.visibleProperty().bind(model.newKeyAvailableProperty());
        newKey.managedProperty().bind(newKey.visibleProperty());
        return newKey;
    }

    private static Node listPane(KeysViewModel model) {
        Label title = new Label("Keys");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setMinWidth(Region.USE_PREF_SIZE);
        TextField search = new TextField();
        search.setId("key-search");
        search.setPromptText("Search label, curve, status or keyId (Ctrl+F)");
        search.setPrefColumnCount(28);
        search.setMinWidth(160); // the search narrows first, so the title and buttons keep their words
        search.textProperty().bindBidirectional(model.searchProperty());
        Label count = new Label();
        count.setId("key-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> countText(model),
                        model.visibleKeys(),
                        model.keys(),
                        model.shelf().archived(),
                        model.shelf().showArchivedProperty()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox showArchived = new CheckBox("Show archived");
        showArchived.setId("show-archived");
        showArchived.setMinWidth(Region.USE_PREF_SIZE);
        showArchived.selectedProperty().bindBidirectional(model.shelf().showArchivedProperty());
        showWhen(
                showArchived,
                Bindings.isNotEmpty(model.shelf().archived()).or(model.shelf().showArchivedProperty()));
        // a narrow window shortens the search field, then moves it with the count and the archived filter
        // to a second line; never the title or a button
        Button newKeyTop = newKeyButton(model, "new-key-top");
        newKeyTop.setMinWidth(Region.USE_PREF_SIZE);
        search.setMaxWidth(Region.USE_PREF_SIZE);
        HBox finder = new HBox(12, count, showArchived, search);
        finder.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox actions = new HBox(12, KeyHealthColumn.checkButton(model.health()), newKeyTop);
        actions.setAlignment(Pos.CENTER_LEFT);
        TwoLineBar top = new TwoLineBar(title, finder, actions);
        top.getStyleClass().add("keys-toolbar");

        TableView<KeyRecord> table = table(model);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        Label noMatch = new Label();
        noMatch.textProperty()
                .bind(Bindings.when(model.searchProperty().isEmpty())
                        .then("Every key is archived: tick Show archived to see them.")
                        .otherwise("No key matches this search."));
        noMatch.setId("no-match");
        table.setPlaceholder(noMatch);

        // Table above, details below at full width: every column stays readable at the minimum
        // window size, and long hex values wrap less.
        SplitPane split = KeysSplit.create(table, new KeyDetailsView(model), model.selectedProperty());

        Label notice = new Label(null, new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        notice.setId("keys-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        showWhen(notice, model.noticeProperty().isNotEmpty());
        Label problems = new Label(null, new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        problems.setId("keys-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add(Styles.DANGER);
        problems.textProperty()
                .bind(Bindings.createStringBinding(() -> String.join("\n", model.problems()), model.problems()));
        showWhen(problems, Bindings.isNotEmpty(model.problems()));
        Label healthProblem = new Label(null, new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        healthProblem.setId("health-problem");
        healthProblem.setWrapText(true);
        healthProblem.textProperty().bind(model.health().problemProperty());
        showWhen(healthProblem, model.health().problemProperty().isNotEmpty());

        BorderPane pane = new BorderPane(split, top, null, new VBox(6, notice, problems, healthProblem), null);
        pane.getStyleClass().add("keys-pane");
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            }
        });
        return pane;
    }

    /** "3 keys", "1 of 3 keys" while searching, and how many archived keys are hidden. */
    private static String countText(KeysViewModel model) {
        int hidden = model.shelf().showArchivedProperty().get()
                ? 0
                : model.shelf().archived().size();
        int listed = model.keys().size() - hidden;
        int shown = model.visibleKeys().size();
        String text = shown == listed ? listed + (listed == 1 ? " key" : " keys") : shown + " of " + listed + " keys";
        return hidden == 0 ? text : text + " · " + hidden + " archived";
    }

    private static TableView<KeyRecord> table(KeysViewModel model) {
        TableView<KeyRecord> table = new TableView<>(model.visibleKeys());
        table.setId("keys-table");
        // Every column fits its words at 1024 px: label and servers wrap onto more lines, the date drops its time
        // when its column is narrow, and the room left over goes to the label and the servers.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        model.visibleKeys().comparatorProperty().bind(table.comparatorProperty());
        TableColumn<KeyRecord, String> label = column("Label", "col-label", KeyRecord::displayLabel);
        label.setCellFactory(c -> new WrappingCell(false));
        TableColumn<KeyRecord, String> curve =
                column("Curve", "col-curve", k -> k.curve().apiName());
        curve.setCellFactory(c -> new WrappingCell(true));
        TableColumn<KeyRecord, String> tOfN = column("t-of-n", "col-threshold", KeyTexts::tOfN);
        tOfN.setComparator(Comparator.comparing((String s) -> Integer.parseInt(s.split(" ")[0]))
                .thenComparing(s -> Integer.parseInt(s.split(" ")[2])));
        TableColumn<KeyRecord, String> servers = column("Servers", "col-servers", k -> String.join(", ", k.servers()));
        servers.setCellFactory(c -> new WrappingCell(false));
        TableColumn<KeyRecord, KeyStatus> status = column("Status", "col-status", KeyRecord::status);
        status.setCellFactory(c -> new StatusCell());
        TableColumn<KeyRecord, Instant> created = column("Created", "col-created", KeyRecord::createdAt);
        created.setCellFactory(c -> new CreatedCell());
        TableColumn<KeyRecord, KeyHealthColumn.Shown> health = KeyHealthColumn.create(model.health(), table);
        fixed(label, 100, 200, Double.MAX_VALUE);
        fixed(curve, 100, 150, 200);
        fixed(tOfN, 62, 62, 80);
        fixed(servers, 110, 260, Double.MAX_VALUE);
        fixed(status, 100, 100, 120);
        fixed(health, 140, 140, 170);
        fixed(created, CreatedCell.DATE_ONLY, CreatedCell.WITH_TIME, CreatedCell.WITH_TIME + 20);
        table.getColumns().setAll(List.of(label, curve, tOfN, servers, status, health, created));
        table.setRowFactory(t -> {
            ArchivedRow row = new ArchivedRow(model.shelf());
            row.setOnMouseClicked(
                    e -> { // a double click opens the key, as in a file manager
                        if (e.getButton() == MouseButton.PRIMARY
                                && e.getClickCount() == 2
                                && !row.isEmpty()
                                && model.canUseSelected()) {
                            model.showAddresses();
                        }
                    });
            return row;
        });

        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, key) -> model.selectedProperty().set(key));
        model.selectedProperty().addListener((obs, old, key) -> {
            if (key != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(key);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && model.canUseSelected()) {
                model.showAddresses();
                e.consume();
            } else if (COPY.match(e)) {
                model.copyKeyId();
                e.consume();
            }
        });
        return table;
    }

    private static void fixed(TableColumn<?, ?> column, double min, double pref, double max) {
        column.setMinWidth(min);
        column.setPrefWidth(pref);
        column.setMaxWidth(max);
    }

    /**
     * Text that wraps onto as many lines as a narrow column needs (with {@code atUnderscores}, after an
     * underscore too, so SECP256K1_SCHNORR breaks into its two words), and shows whole as a tooltip.
     */
    private static final class WrappingCell extends TableCell<KeyRecord, String> {
        private final boolean atUnderscores;

        WrappingCell(boolean atUnderscores) {
            this.atUnderscores = atUnderscores;
            setWrapText(true);
        }

        /** The row asks its cells for a height without a width: answer for the column's width, so it grows. */
        @Override
        protected double computePrefHeight(double width) {
            double w = width >= 0 || getTableColumn() == null
                    ? width
                    : getTableColumn().getWidth();
            return super.computePrefHeight(w);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : atUnderscores ? item.replace("_", "_\u200b") : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
        }
    }

    /** The creation time; a column too narrow for the time of day shows the date alone (the details show both). */
    private static final class CreatedCell extends TableCell<KeyRecord, Instant> {
        static final double DATE_ONLY = 104;
        static final double WITH_TIME = 150;

        CreatedCell() {
            widthProperty().addListener((o, a, w) -> show(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(Instant at, boolean empty) {
            super.updateItem(at, empty);
            show(at, empty);
        }

        private void show(Instant at, boolean empty) {
            if (empty || at == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(getWidth() > 0 && getWidth() < WITH_TIME ? KeyTexts.dateOnly(at) : KeyTexts.shortDate(at));
            setTooltip(new Tooltip(KeyTexts.longDate(at)));
        }
    }

    private static <T> TableColumn<KeyRecord, T> column(String title, String id, Function<KeyRecord, T> value) {
        TableColumn<KeyRecord, T> col = new TableColumn<>(title);
        col.setId(id);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return col;
    }

    private static void showWhen(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    /** A row that reads as set aside when its key is archived (shown with Show archived). */
    private static final class ArchivedRow extends TableRow<KeyRecord> {
        private static final PseudoClass ARCHIVED = PseudoClass.getPseudoClass("archived");
        private final KeyShelf shelf;

        ArchivedRow(KeyShelf shelf) {
            this.shelf = shelf;
        }

        @Override
        protected void updateItem(KeyRecord key, boolean empty) {
            super.updateItem(key, empty);
            pseudoClassStateChanged(ARCHIVED, !empty && shelf.isArchived(key));
        }
    }

    /** A status word with an icon and colour, so PENDING and FAILED stand out from READY. */
    private static final class StatusCell extends TableCell<KeyRecord, KeyStatus> {
        @Override
        protected void updateItem(KeyStatus status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            if (empty || status == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            switch (status) {
                case READY -> decorate("Ready", MaterialDesignC.CHECK_CIRCLE, Styles.SUCCESS);
                case PENDING -> decorate("Pending", MaterialDesignM.MINUS_CIRCLE_OUTLINE, Styles.WARNING);
                case FAILED -> decorate("Failed", MaterialDesignA.ALERT_CIRCLE, Styles.DANGER);
                default -> throw new IllegalStateException();
            }
        }

        private void decorate(String text, Ikon icon, String style) {
            setText(text);
            setGraphic(new FontIcon(icon));
            getStyleClass().add(style);
        }
    }
}
