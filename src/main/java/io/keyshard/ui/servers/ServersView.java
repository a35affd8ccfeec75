package io.keyshard.ui.servers;

import atlantafx.base.theme.Styles;
import io.keyshard.client.LocalClusterControl;
import io.keyshard.client.ServerStatus;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.ShareCustody;
import io.keyshard.ui.common.ValueCopier;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Servers place: each server's health and latency, the local cluster with start/stop, add and remove. */
public final class ServersView extends BorderPane {
    private static final double ROW_HEIGHT = 38;
    private static final double HEADER_HEIGHT = 44; // the header row and the table's border

    private final ServersViewModel model;

    /** The screen with copies going to the system clipboard as they are and no backup offered (tests). */
    public ServersView(ServersViewModel model) {
        this(model, ValueCopier.systemClipboard(), null);
    }

    /**
     * The screen; {@code copier} takes what its Copy buttons copy (the app's clipboard that clears itself), and
     * {@code backUp} opens the backup of one local server by its name (null: not offered).
     */
    public ServersView(ServersViewModel model, ValueCopier copier, Consumer<String> backUp) {
        this.model = model;
        setId("servers-view");
        // the page scrolls when the window is shorter than its text, the table's few rows and its buttons
        BorderPane page = new BorderPane();
        page.setPadding(new Insets(20, 24, 20, 24));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        Label title = new Label("Servers");
        title.getStyleClass().add(Styles.TITLE_3);
        Label explain = new Label("MPC servers each keep one share of every key and work together to create it and "
                + "sign; no server ever sees the whole key. Keyshard runs three on this computer (OFFICIAL_1..3); "
                + "servers on other machines, added here, mean no single computer holds enough shares to sign.");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        Label custody = new Label(ShareCustody.LOCAL_CLUSTER);
        custody.setId("servers-custody");
        custody.setWrapText(true);
        custody.setMinHeight(Region.USE_PREF_SIZE);
        custody.getStyleClass().add("custody-note");
        page.setTop(new VBox(8, title, explain, custody, clusterRow()));

        TableView<ServerStatus> table = new TableView<>(model.servers());
        table.setId("servers-table");
        Label empty = new Label();
        // the first check takes a moment (a remote server may take seconds): it is not an empty list meanwhile
        empty.textProperty()
                .bind(Bindings.when(model.clusterStateProperty().isNull())
                        .then("Checking the servers...")
                        .otherwise("No servers yet. Start the local cluster above, or add a remote server."));
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", ServerStatus::name, 120));
        TableColumn<ServerStatus, String> where = column("Where", s -> s.local() ? "this computer" : "remote", 130);
        where.setMinWidth(130); // "this computer" stays whole; the URL column gives way first
        table.getColumns().add(where);
        table.getColumns().add(column("URL", ServerStatus::url, 190));
        table.getColumns()
                .add(column(
                        "Status",
                        s -> s.ok() ? "answering" : s.notStarted() ? "not started" : s.stopped() ? "stopped" : "down",
                        110));
        table.getColumns()
                .add(column(
                        "Latency or problem",
                        s -> s.ok()
                                ? s.latencyMs() + " ms"
                                : s.notStarted()
                                        ? "Starts with the first key"
                                        : s.stopped() ? "Start above starts it" : s.error(),
                        240));
        // the table is as tall as its rows (a cluster has a few servers), and the picked one's details follow
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> HEADER_HEIGHT
                                + ROW_HEIGHT
                                        * Math.max(3, Math.min(model.servers().size(), 7)),
                        model.servers()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        selectionFollowsModel(table);

        ServerDetailsView details = new ServerDetailsView(model, copier, backUp);
        VBox center = new VBox(12, table, details);
        BorderPane.setMargin(center, new Insets(14, 0, 0, 0));
        page.setCenter(center);

        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("servers-refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        Button add = new Button("Add a remote server...", new FontIcon(MaterialDesignP.PLUS));
        add.setId("servers-add");
        add.setOnAction(e -> AddServerDialog.show(getScene().getWindow(), model));
        Button remove = new Button("Remove", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.setId("servers-remove");
        remove.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            ServerStatus s = table.getSelectionModel().getSelectedItem();
                            return s == null || ServersViewModel.isLocal(s.name());
                        },
                        table.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> RemoveConfirm.ask(
                getScene().getWindow(),
                table.getSelectionModel().getSelectedItem().name(),
                model));
        Label message = new Label();
        message.setId("servers-message");
        message.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.errorProperty().get() != null
                                ? model.errorProperty().get()
                                : model.messageProperty().get(),
                        model.errorProperty(),
                        model.messageProperty()));
        message.getStyleClass().add(Styles.TEXT_MUTED);
        Fit.messageBeside(message);
        Fit.wholeButtons(refresh, remove, add);
        HBox bottom = new HBox(8, message, refresh, remove, add);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        // the buttons stay in sight under the page, which scrolls when a server's details are long
        bottom.setPadding(new Insets(10, 24, 16, 24));
        bottom.setMinWidth(0); // a narrow window narrows the message beside the buttons, not the whole screen
        setBottom(bottom);
        model.refresh();
    }

    /**
     * Picking a row shows its details; a refresh replaces the rows, so the server that was picked is picked
     * again by name (its details read anew), and one that is gone clears them.
     */
    private void selectionFollowsModel(TableView<ServerStatus> table) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                model.select(picked);
            }
        });
        model.servers().addListener((ListChangeListener<ServerStatus>) change -> {
            String name = model.selectedName();
            ServerStatus again = model.servers().stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (again == null) {
                model.select(null);
            } else {
                table.getSelectionModel().select(again);
            }
        });
    }

    private HBox clusterRow() {
        FontIcon icon = new FontIcon(MaterialDesignS.SERVER_NETWORK);
        Label state = new Label();
        state.setId("cluster-state");
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> ServersViewModel.clusterText(
                                model.clusterStateProperty().get(), model.servers()),
                        model.clusterStateProperty(),
                        model.servers()));
        state.setMinWidth(0);
        state.setWrapText(true); // a narrow window wraps the state rather than cutting it
        state.setMinHeight(Region.USE_PREF_SIZE);
        Button start = new Button("Start");
        start.setId("cluster-start");
        start.disableProperty().bind(model.clusterStateProperty().isNotEqualTo(LocalClusterControl.State.STOPPED));
        start.setOnAction(e -> model.startCluster());
        Button stop = new Button("Stop");
        stop.setId("cluster-stop");
        stop.disableProperty()
                .bind(model.canStopProperty()
                        .not()
                        .or(model.clusterStateProperty().isEqualTo(LocalClusterControl.State.STARTING)));
        stop.setOnAction(e -> model.stopCluster());
        // the state takes the room the buttons leave, so its wrapped height is measured at its real width
        state.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(state, Priority.ALWAYS);
        Button entries = new Button("Entries for remote servers…");
        entries.setId("cluster-entries");
        entries.setTooltip(new Tooltip(
                "What a remote server's operator pins so that keys can be made with this " + "computer's servers"));
        entries.setOnAction(e -> LocalEntriesDialog.show(getScene().getWindow(), model, null));
        Fit.wholeButtons(start, stop, entries);
        HBox row = new HBox(10, icon, state, start, stop, entries);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("cluster-row");
        row.setPadding(new Insets(10, 12, 10, 12));
        return row;
    }

    private static TableColumn<ServerStatus, String> column(
            String title, Function<ServerStatus, String> f, double width) {
        TableColumn<ServerStatus, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 110));
        Fit.tooltipCells(c);
        return c;
    }
}
