package io.keyshard.ui.sign;

import atlantafx.base.theme.Styles;
import io.keyshard.client.PayloadKind;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.pipeline.PipelineControls;
import io.keyshard.ui.pipeline.PipelineViewModel;
import io.keyshard.ui.sign.SignPages.Page;
import io.keyshard.ui.sign.SignViewModel.Step;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The pipeline's Sign stage: the address that signs (chain, account and index as on the other tabs), then
 * one page per step: the input, the review with the signers, the signing's progress, and the result or what
 * went wrong. Everything scrolls but each page's actions, which stay pinned below so the next step is always
 * in sight.
 */
public final class SignView extends BorderPane {
    private final SignViewModel model;

    public SignView(SignViewModel model, ValueCopier copier) {
        this.model = model;
        setId("sign-view");
        Label title = new Label("Sign with " + model.key().nameInText());
        title.getStyleClass().add(Styles.TITLE_3);
        Label explain = new Label("The key's servers sign together; no server and not this computer ever holds "
                + "the whole key. The result is checked the way its chain checks it before it is shown.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        VBox top = new VBox(8, title, explain, PipelineControls.of(model.where(), true, "sign-"), target(model));

        StackPane bodies = new StackPane();
        StackPane actions = new StackPane();
        actions.setId("sign-actions");
        add(bodies, actions, SignComposePage.of(model), step(Step.COMPOSE));
        add(bodies, actions, SignPages.review(model), step(Step.REVIEW));
        add(bodies, actions, SignPages.signing(model), step(Step.SIGNING));
        add(bodies, actions, SignDonePage.of(model, copier), step(Step.DONE));
        add(bodies, actions, SignPages.failed(model), step(Step.FAILED));
        bodies.setAlignment(Pos.TOP_LEFT);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("sign-action-bar");
        actions.setPadding(new Insets(12, 24, 14, 24));

        VBox content = new VBox(16, top, bodies);
        content.setPadding(new Insets(20, 24, 12, 24));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("sign-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        setBottom(actions);
    }

    private static void add(StackPane bodies, StackPane actions, Page page, ObservableBooleanValue shown) {
        SignPages.showWhen(page.body(), shown);
        SignPages.showWhen(page.actions(), shown);
        bodies.getChildren().add(page.body());
        actions.getChildren().add(page.actions());
    }

    private BooleanBinding step(Step s) {
        return model.stepProperty().isEqualTo(s);
    }

    /** "Signs as <address> at <path>", following the choices above; a PSBT's inputs name their own. */
    private static Node target(SignViewModel model) {
        PipelineViewModel where = model.where();
        Label at = new Label();
        at.setId("sign-target");
        at.setWrapText(true);
        at.getStyleClass().add("mono-value");
        at.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.kindProperty().get() == PayloadKind.PSBT
                                ? "each input of this key, at the path the PSBT gives for it"
                                : where.stagesProperty().get() == null
                                        ? "Choose a valid account and index above."
                                        : where.stagesProperty().get().address() + "  ·  "
                                                + where.stagesProperty().get().derivationPath(),
                        where.stagesProperty(),
                        model.kindProperty()));
        Label name = new Label("Signs as");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, name, at);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
