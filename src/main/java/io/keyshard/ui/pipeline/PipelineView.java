package io.keyshard.ui.pipeline;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.OwnedScene;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.vault.KeyRecord;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TabPane.TabClosingPolicy;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Pipeline screen: chain, network, account and index above a drawn pipeline
 * keyId -> derivation path -> public key -> address, with the address as a QR code.
 */
public final class PipelineView extends BorderPane {
    /** The window's size when it opens: every card and the QR caption show without scrolling. */
    public static final double DEFAULT_WIDTH = 960;

    public static final double DEFAULT_HEIGHT = 760;
    private final PipelineViewModel model;
    private final StageCard keyCard;
    private final StageCard pathCard;
    private final StageCard publicKeyCard;
    private final StageCard addressCard;
    private final ImageView qr = new ImageView();
    private final Label qrCaption = new Label();

    public PipelineView(PipelineViewModel model, ValueCopier copier) {
        this(model, copier, null);
    }

    /** The pipeline with its last stage, Sign, whose button runs {@code openSign} (null: no Sign stage). */
    public PipelineView(PipelineViewModel model, ValueCopier copier, Runnable openSign) {
        this.model = model;
        setId("pipeline-view");
        getStyleClass().add("pipeline-view");
        setPadding(new Insets(20, 24, 20, 24));
        Label title = new Label("Addresses of " + model.key().nameInText());
        title.getStyleClass().add(Styles.TITLE_3);
        Label explain = new Label("Every address is derived from the key's public data alone: no server and no "
                + "password is needed, and the same choices always give the same address.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        Label error = new Label();
        error.setId("pipeline-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotNull());
        VBox top = new VBox(8, title, explain, PipelineControls.of(model, true, "pipeline-"), error);
        setTop(top);

        keyCard = new StageCard("key", "Key ID", copier);
        keyCard.show(model.key().keyId().toString(), model.keyNote());
        pathCard = new StageCard("path", "Derivation path", copier);
        publicKeyCard = new StageCard("public-key", "Public key", copier);
        addressCard = new StageCard("address", "Address", copier);
        VBox flow = new VBox(0, keyCard, arrow(), pathCard, arrow(), publicKeyCard, arrow(), addressCard);
        if (openSign != null) {
            flow.getChildren().addAll(arrow(), signCard(model, openSign));
        }
        flow.setFillWidth(true);
        HBox.setHgrow(flow, Priority.ALWAYS);
        qr.setId("address-qr");
        qr.setSmooth(false);
        qrCaption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        qrCaption.setWrapText(true);
        qrCaption.setMaxWidth(200);
        VBox qrBox = new VBox(6, qr, qrCaption);
        qrBox.setAlignment(Pos.BOTTOM_CENTER);
        qrBox.setMinWidth(210);
        HBox body = new HBox(20, flow, qrBox);
        body.setAlignment(Pos.BOTTOM_LEFT);
        body.setPadding(new Insets(12, 4, 4, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);

        model.stagesProperty().addListener((obs, old, s) -> show(s));
        model.recompute();
    }

    /** The last stage: what signing with this address means, and the button that goes to the Sign tab. */
    private static Node signCard(PipelineViewModel model, Runnable openSign) {
        Label heading = new Label("Sign");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label note = new Label("Any " + model.key().threshold() + " of the key's "
                + model.key().servers().size()
                + " servers sign a message with this address's key together; the key is never assembled.");
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button sign = new Button("Sign with this address…", new FontIcon(MaterialDesignS.SIGNATURE_FREEHAND));
        sign.setId("pipeline-sign");
        sign.setMinWidth(Region.USE_PREF_SIZE);
        sign.setOnAction(e -> openSign.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, heading, grow, sign);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, top, note);
        card.setId("stage-sign");
        card.getStyleClass().add("stage-card");
        return card;
    }

    /** A drawn connector: a short vertical line ending in an arrowhead. */
    private static Node arrow() {
        Line line = new Line(0, 0, 0, 16);
        line.getStyleClass().add("pipeline-arrow");
        Polygon head = new Polygon(-6, 0, 6, 0, 0, 8);
        head.getStyleClass().add("pipeline-arrow-head");
        VBox a = new VBox(0, line, head);
        a.setAlignment(Pos.TOP_CENTER);
        StackPane wrap = new StackPane(a);
        wrap.setPadding(new Insets(2, 0, 2, 0));
        return wrap;
    }

    private void show(PipelineViewModel.Stages s) {
        if (s == null) {
            pathCard.show("", "");
            publicKeyCard.show("", "");
            addressCard.show("", "");
            qr.setImage(null);
            qrCaption.setText("");
            return;
        }
        pathCard.show(s.derivationPath(), s.pathNote());
        publicKeyCard.show(s.publicKey(), s.publicKeyNote());
        addressCard.show(s.address(), s.addressNote());
        qr.setImage(QrCode.image(s.address(), s.address().length() > 60 ? 4 : 5));
        qrCaption.setText(PipelineViewModel.qrCaption(
                model.chainProperty().get(), model.networkProperty().get()));
    }

    /** The Addresses window's content: the pipeline of one address, and the list of the account's addresses. */
    public static TabPane windowContent(PipelineViewModel model, ValueCopier copier) {
        return windowContent(model, copier, (Node) null);
    }

    /**
     * The Addresses window's content with, when {@code sign} is given, the Sign tab (the pipeline's last
     * stage); its tab shares the chain, account and index of the other two.
     */
    public static TabPane windowContent(PipelineViewModel model, ValueCopier copier, Node sign) {
        TabPane tabs = new TabPane();
        Tab signTab = sign == null ? null : new Tab("Sign", sign);
        Runnable openSign =
                signTab == null ? null : () -> tabs.getSelectionModel().select(signTab);
        Tab pipeline = new Tab("How an address is made", new PipelineView(model, copier, openSign));
        // a window shorter than the list's table, chosen address and account keys scrolls rather than cuts them
        ScrollPane listScroll = new ScrollPane(new AddressListView(model, copier));
        listScroll.setFitToWidth(true);
        listScroll.setFitToHeight(true);
        listScroll.getStyleClass().add("edge-to-edge");
        Tab list = new Tab("Receive and change addresses", listScroll);
        list.setId("tab-address-list");
        tabs.getTabs().setAll(pipeline, list);
        if (signTab != null) {
            signTab.setId("tab-sign");
            tabs.getTabs().add(signTab);
        }
        tabs.setId("addresses-tabs");
        tabs.setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /** Shows the Sign tab of an Addresses window from {@link #showWindow} (the Keys screen's "Sign..."). */
    public static void selectSignTab(Stage window) {
        TabPane tabs = (TabPane) window.getScene().getRoot();
        tabs.getTabs().stream()
                .filter(t -> "tab-sign".equals(t.getId()))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /**
     * Opens the pipeline for a READY key in its own window over {@code owner} (the Keys screen's "Show
     * addresses"); {@code sign} builds the Sign tab for the window's pipeline (null: none).
     */
    public static Stage showWindow(
            Window owner,
            KeyRecord key,
            PipelineViewModel.Derivation derivation,
            UiTasks tasks,
            ValueCopier copier,
            Function<PipelineViewModel, Node> sign) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Addresses");
        stage.setMinWidth(720); // the main window's smallest size; the render tests check every tab at it
        stage.setMinHeight(480);
        // tall enough for the four cards and the QR code, but never taller than the screen
        double height =
                Math.min(DEFAULT_HEIGHT, Screen.getPrimary().getVisualBounds().getHeight() - 40);
        PipelineViewModel model = new PipelineViewModel(key, derivation, tasks);
        Scene scene = OwnedScene.of(
                owner, windowContent(model, copier, sign == null ? null : sign.apply(model)), DEFAULT_WIDTH, height);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
