package io.keyshard.ui.pipeline;

import atlantafx.base.theme.Styles;
import io.keyshard.address.AddressList;
import io.keyshard.address.Chain;
import io.keyshard.derive.ExtendedPublicKey;
import io.keyshard.payload.bitcoin.Descriptors;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.common.ValueCopier;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/**
 * The Addresses window's list: the first addresses of the chosen chain and account on the receive
 * branch or the change branch, each with copy and QR, "Next address", and the account's extended
 * public key and (Bitcoin) output descriptor for watch-only wallets. Chain, network and account are the pipeline's.
 */
public final class AddressListView extends BorderPane {
    /** How many addresses the list shows at first. */
    public static final int FIRST = 10;

    private static final Set<Chain> DESCRIBED =
            EnumSet.of(Chain.BITCOIN_P2PKH, Chain.BITCOIN_P2WPKH, Chain.BITCOIN_P2TR);

    private final PipelineViewModel model;
    private final ObservableList<AddressList.Entry> entries = FXCollections.observableArrayList();
    private final TableView<AddressList.Entry> table = new TableView<>(entries);
    private final ToggleGroup branch = new ToggleGroup();
    private final RadioButton receive = new RadioButton("Receive (/0/i)");
    private final RadioButton change = new RadioButton("Change (/1/i)");
    private final Label xpub = new Label();
    private final Label xpubName = new Label("Account xpub");
    private final Label descriptor = new Label();
    private final Label problem = new Label();
    private final ImageView qr = new ImageView();
    private final Label chosen = new Label();

    public AddressListView(PipelineViewModel model, ValueCopier copier) {
        this.model = model;
        setId("address-list-view");
        setPadding(new Insets(16, 24, 16, 24));
        receive.setId("branch-receive");
        change.setId("branch-change");
        receive.setToggleGroup(branch);
        change.setToggleGroup(branch);
        receive.setSelected(true);
        Label what = new Label("Addresses of the account chosen above, as a wallet lists them. Receive addresses are "
                + "for payments to you; change addresses take what is left of your own payments.");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        HBox branches = new HBox(16, receive, change);
        branches.setAlignment(Pos.CENTER_LEFT);
        problem.setId("address-list-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        // ids stay unique in the window: the pipeline tab has the same controls
        Node controls = PipelineControls.of(model, false, "list-");
        setTop(new VBox(8, controls, what, branches, problem));

        table.setId("address-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AddressList.Entry, String> index = column("#", e -> Integer.toString(e.index()), 48);
        index.setMinWidth(40);
        index.setMaxWidth(72);
        TableColumn<AddressList.Entry, String> path = column("Path", AddressList.Entry::path, 150);
        path.setMinWidth(130); // m/44/501/0/0/10 and the like stay whole
        TableColumn<AddressList.Entry, String> address = column("Address", AddressList.Entry::address, 420);
        address.setMinWidth(160);
        keepBothEnds(address);
        table.getColumns().add(index);
        table.getColumns().add(path);
        table.getColumns().add(address);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> showChosen(e));
        BorderPane.setMargin(table, new Insets(10, 0, 10, 0));
        setCenter(table);

        qr.setId("address-list-qr");
        qr.setSmooth(false);
        chosen.setId("address-list-chosen");
        chosen.getStyleClass().add("mono-value");
        chosen.setWrapText(true);
        chosen.setMaxWidth(220);
        chosen.setMinHeight(Region.USE_PREF_SIZE); // an address under its QR code is read whole, never cut to "..."
        CopyButton copy = new CopyButton("address", chosen::getText, copier);
        copy.setId("address-list-copy");
        Button next = new Button("Next address");
        next.setId("address-list-next");
        next.setOnAction(e -> next());
        Fit.wholeButtons(copy, next);
        VBox side = new VBox(8, qr, chosen, new HBox(8, copy, next));
        side.setAlignment(Pos.TOP_CENTER);
        side.setMinWidth(240);
        BorderPane.setMargin(side, new Insets(10, 0, 10, 16));
        setRight(side);

        xpub.setId("account-xpub");
        xpub.getStyleClass().add("mono-value");
        xpub.setWrapText(true);
        xpub.setMinWidth(0);
        HBox.setHgrow(xpub, Priority.ALWAYS);
        CopyButton copyXpub = new CopyButton("account xpub", xpub::getText, copier);
        copyXpub.setId("copy-account-xpub");
        Fit.wholeButtons(copyXpub);
        xpubName.getStyleClass().add(Styles.TEXT_BOLD);
        xpubName.setMinWidth(Label.USE_PREF_SIZE);
        xpubName.setTooltip(new Tooltip("Import it into a watch-only wallet (Sparrow, Electrum) as "
                + "the account key: it derives /0/i and /1/i to the same addresses as listed here, and cannot spend."));
        HBox xpubRow = new HBox(10, xpubName, xpub, copyXpub);
        xpubRow.setAlignment(Pos.CENTER_LEFT);
        xpubRow.visibleProperty().bind(xpub.textProperty().isNotEmpty());
        xpubRow.managedProperty().bind(xpubRow.visibleProperty());
        setBottom(new VBox(6, xpubRow, descriptorRow(copier)));

        branch.selectedToggleProperty().addListener((o, a, b) -> refresh());
        model.chainProperty().addListener((o, a, b) -> refresh());
        model.networkProperty().addListener((o, a, b) -> refresh());
        model.accountProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The account's BIP-380 descriptor with copy, shown for the Bitcoin chains only. */
    private HBox descriptorRow(ValueCopier copier) {
        descriptor.setId("account-descriptor");
        descriptor.getStyleClass().add("mono-value");
        descriptor.setWrapText(true);
        descriptor.setMinWidth(0);
        HBox.setHgrow(descriptor, Priority.ALWAYS);
        CopyButton copy = new CopyButton("output descriptor", descriptor::getText, copier);
        copy.setId("copy-account-descriptor");
        Fit.wholeButtons(copy);
        Label name = new Label("Descriptor");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Label.USE_PREF_SIZE);
        name.setTooltip(new Tooltip("Import it into Bitcoin Core, Sparrow or Electrum as a watch-only wallet "
                + "(keyshard export descriptor prints it too). Its key origin path is non-hardened, as MPC keys "
                + "derive without the private key."));
        HBox row = new HBox(10, name, descriptor, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(descriptor.textProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** The descriptor of the account on a Bitcoin chain, or "" where there is none (other chains and curves). */
    private String descriptorOf(Chain chain) {
        ExtendedPublicKey root = model.start().key();
        if (!DESCRIBED.contains(chain) || !chain.supports(root.curve()) || root.depth() != 0) {
            return "";
        }
        return Descriptors.export(
                chain,
                root,
                model.accountProperty().get(),
                model.networkProperty().get());
    }

    private static TableColumn<AddressList.Entry, String> column(
            String title, Function<AddressList.Entry, String> f, double width) {
        TableColumn<AddressList.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        Fit.tooltipCells(c);
        return c;
    }

    /**
     * An address too long for its column loses its middle, not its end: people compare the first and
     * last characters, and the whole address is in the tooltip and beside the list.
     */
    private static void keepBothEnds(TableColumn<AddressList.Entry, String> column) {
        Callback<TableColumn<AddressList.Entry, String>, TableCell<AddressList.Entry, String>> cells =
                column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<AddressList.Entry, String> cell = cells.call(c);
            cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            cell.getStyleClass().add("mono-cell");
            return cell;
        });
    }

    /** Recomputes the list for the current chain, network, account and branch, and selects its first address. */
    void refresh() {
        Chain chain = model.chainProperty().get();
        change.setDisable(chain == null || !chain.hasChangeLevel());
        if (change.isDisable() && change.isSelected()) {
            receive.setSelected(true);
            return; // the toggle listener refreshes
        }
        try {
            entries.setAll(AddressList.list(
                    model.start(),
                    chain,
                    model.accountProperty().get(),
                    branch(),
                    0,
                    FIRST,
                    model.networkProperty().get()));
            String x = AddressList.accountXpub(
                    model.start(),
                    chain,
                    model.accountProperty().get(),
                    model.networkProperty().get());
            xpub.setText(x == null ? "" : x);
            xpubName.setText(x == null ? "" : "Account " + x.substring(0, 4) + " (watch-only)");
            descriptor.setText(descriptorOf(chain));
            problem.setText("");
            table.getSelectionModel().select(0);
        } catch (RuntimeException e) {
            entries.clear();
            xpub.setText("");
            descriptor.setText("");
            problem.setText(UiTasks.message(e));
            showChosen(null);
        }
    }

    private int branch() {
        return change.isSelected() ? 1 : 0;
    }

    /** Selects the address after the chosen one, adding it to the list when it is not there yet. */
    void next() {
        AddressList.Entry current = table.getSelectionModel().getSelectedItem();
        int wanted = current == null ? 0 : current.index() + 1;
        if (wanted >= entries.size()) {
            entries.addAll(AddressList.list(
                    model.start(),
                    model.chainProperty().get(),
                    model.accountProperty().get(),
                    branch(),
                    wanted,
                    1,
                    model.networkProperty().get()));
        }
        table.getSelectionModel().select(wanted);
        table.scrollTo(wanted);
    }

    private void showChosen(AddressList.Entry e) {
        chosen.setText(e == null ? "" : e.address());
        qr.setImage(e == null ? null : QrCode.image(e.address(), e.address().length() > 60 ? 3 : 4));
    }

    /** The listed addresses (tests read them). */
    public ObservableList<AddressList.Entry> entries() {
        return entries;
    }
}
