package io.keyshard.ui.sign;

import atlantafx.base.theme.Styles;
import io.keyshard.client.PayloadKind;
import io.keyshard.ui.common.EmptyState;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.pipeline.PipelineView;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.ui.sign.SignViewModel.InputMode;
import io.keyshard.ui.sign.SignViewModel.Step;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The pipeline's Sign stage: the address that signs (chain, account and index as on the other tabs), then
 * one page per step: the message with its live review, the review with the signers, the signing's
 * progress, and the signature or what went wrong. A key whose curve cannot sign yet says so instead.
 */
public final class SignView extends BorderPane {
    private final SignViewModel model;

    public SignView(SignViewModel model, ValueCopier copier) {
        this.model = model;
        setId("sign-view");
        setPadding(new Insets(20, 24, 20, 24));
        Label title = new Label("Sign with " + model.key().displayLabel());
        title.getStyleClass().add(Styles.TITLE_3);
        Label explain = new Label("The key's servers sign together; no server and not this computer ever holds "
                + "the whole key. The result is checked the way its chain checks it before it is shown.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        setTop(new VBox(8, title, explain, PipelineView.controls(model.where(), true), target(model.where())));

        Node unavailable = unavailable(model);
        BooleanBinding available = model.unavailableProperty().isNull();
        StackPane pages = new StackPane(
                unavailable,
                when(compose(model), available.and(step(Step.COMPOSE))),
                when(SignPages.review(model), available.and(step(Step.REVIEW))),
                when(SignPages.signing(model), available.and(step(Step.SIGNING))),
                when(SignPages.done(model, copier), available.and(step(Step.DONE))),
                when(SignPages.failed(model), available.and(step(Step.FAILED))));
        showWhen(unavailable, available.not());
        pages.setAlignment(Pos.TOP_LEFT);
        pages.setPadding(new Insets(16, 4, 4, 0));
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
    }

    private BooleanBinding step(Step s) {
        return model.stepProperty().isEqualTo(s);
    }

    private static Node when(Node page, ObservableBooleanValue shown) {
        showWhen(page, shown);
        return page;
    }

    private static void showWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    /** "Signs as <address> at <path>", following the choices above. */
    private static Node target(PipelineViewModel where) {
        Label at = new Label();
        at.setId("sign-target");
        at.setWrapText(true);
        at.getStyleClass().add("mono-value");
        at.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> where.stagesProperty().get() == null
                                ? "Choose a valid account and index above."
                                : where.stagesProperty().get().address() + "  ·  "
                                        + where.stagesProperty().get().derivationPath(),
                        where.stagesProperty()));
        Label name = new Label("Signs as");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, name, at);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node unavailable(SignViewModel model) {
        EmptyState state = new EmptyState(
                MaterialDesignA.ALERT_CIRCLE_OUTLINE,
                "Not available yet for " + model.key().curve().apiName() + " keys");
        Label why = new Label();
        why.setId("sign-unavailable");
        why.textProperty().bind(model.unavailableProperty());
        Button back = new Button("Back");
        back.setId("sign-unavailable-back");
        back.setOnAction(e -> model.back());
        return state.withAction(back).withNote(why);
    }

    private Node compose(SignViewModel model) {
        ComboBox<PayloadKind> kind = new ComboBox<>();
        kind.getItems().setAll(PayloadKind.values());
        kind.setId("sign-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(PayloadKind k) {
                return k == null ? "" : k.title();
            }

            @Override
            public PayloadKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ToggleGroup modes = new ToggleGroup();
        ToggleButton text = new ToggleButton("Text");
        text.setId("sign-mode-text");
        text.setUserData(InputMode.TEXT);
        ToggleButton hex = new ToggleButton("Hex");
        hex.setId("sign-mode-hex");
        hex.setUserData(InputMode.HEX);
        text.setToggleGroup(modes);
        hex.setToggleGroup(modes);
        text.getStyleClass().add(Styles.LEFT_PILL);
        hex.getStyleClass().add(Styles.RIGHT_PILL);
        modes.selectToggle(model.modeProperty().get() == InputMode.HEX ? hex : text);
        modes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                modes.selectToggle(a); // one mode is always on
            } else {
                model.modeProperty().set((InputMode) t.getUserData());
            }
        });
        Button open = new Button("Open file…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("sign-open-file");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open the file to sign");
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                model.open(f.toPath());
            }
        });
        Button closeFile = new Button("Use the typed input");
        closeFile.setId("sign-close-file");
        closeFile.setOnAction(e -> model.closeFile());
        BooleanBinding hasFile = model.fileProperty().isNotNull();
        showWhen(closeFile, hasFile);
        Fit.wholeButtons(open, closeFile);
        Label kindName = new Label("What to sign");
        kindName.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, kindName, kind, new HBox(text, hex), open, closeFile);
        row.setAlignment(Pos.CENTER_LEFT);

        TextArea input = new TextArea();
        input.setId("sign-input");
        input.setPromptText("Type or paste it here: text, hex, JSON, base64 or base58 as the kind takes it");
        input.setWrapText(true);
        input.setPrefRowCount(6);
        input.textProperty().bindBidirectional(model.textProperty());
        input.disableProperty().bind(hasFile);
        input.getStyleClass().add("sign-input");
        Label size = new Label();
        size.setId("sign-input-size");
        size.getStyleClass().add(Styles.TEXT_MUTED);
        size.textProperty().bind(model.inputSizeProperty());
        Label problem = new Label();
        problem.setId("sign-input-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.inputProblemProperty());
        showWhen(problem, model.inputProblemProperty().isNotNull());

        Button next = new Button("Review and choose signers", new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
        next.setId("sign-next");
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.inputSizeProperty().isEmpty().or(model.preparingProperty()));
        next.setOnAction(e -> model.next());
        Fit.wholeButtons(next);
        HBox nextRow = new HBox(12, next, size);
        nextRow.setAlignment(Pos.CENTER_LEFT);
        VBox page = SignPages.page(
                "What to sign",
                "Nothing goes to a server before you approve: Review decodes it here and shows what it is.",
                new VBox(10, row, input, problem, nextRow));
        HBox.setHgrow(page, Priority.ALWAYS);
        return page;
    }
}
