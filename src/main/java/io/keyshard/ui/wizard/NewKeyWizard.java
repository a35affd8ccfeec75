package io.keyshard.ui.wizard;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.OwnedScene;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.wizard.NewKeyViewModel.Step;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The New key wizard: a step bar, the current step's content and Back / Next / Cancel. Enter goes
 * on when the step is valid, Escape cancels (a running generation first, then the wizard).
 */
public final class NewKeyWizard extends BorderPane {
    private final ScrollPane scroll = new ScrollPane();
    private static final List<String> TITLES = List.of("Curve", "Servers", "Review", "Generating", "Saved");
    private final NewKeyViewModel model;
    private final Runnable close;
    private final HBox stepBar = new HBox(6);
    private final Map<Step, Node> pages;
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button cancel = new Button("Cancel");

    public NewKeyWizard(NewKeyViewModel model, ValueCopier copier, Runnable close) {
        this.model = model;
        this.close = close;
        setId("new-key-wizard");
        getStyleClass().add("wizard");
        setPadding(new Insets(20, 24, 16, 24));
        pages = Map.of(
                Step.CURVE,
                ChoiceSteps.curve(model),
                Step.SERVERS,
                ChoiceSteps.servers(model),
                Step.REVIEW,
                ChoiceSteps.review(model),
                Step.GENERATING,
                RunSteps.generating(model),
                Step.SAVED,
                RunSteps.saved(model, copier),
                Step.FAILED,
                RunSteps.failed(model));
        pages.forEach((step, page) -> page.setId("step-" + step.name().toLowerCase(Locale.ROOT)));

        Label title = new Label("New key");
        title.getStyleClass().add(Styles.TITLE_3);
        stepBar.setAlignment(Pos.CENTER_LEFT);
        setTop(new VBox(10, title, stepBar));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 14, 0));

        Label problem = new Label();
        problem.setId("wizard-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        Fit.messageBeside(problem);
        Fit.wholeButtons(back, next, cancel);
        back.managedProperty().bind(back.visibleProperty());
        next.managedProperty().bind(next.visibleProperty());
        back.setId("wizard-back");
        next.setId("wizard-next");
        cancel.setId("wizard-cancel");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.disableProperty().bind(model.canAdvanceProperty().not());
        next.setOnAction(e -> model.next());
        back.setOnAction(e -> model.back());
        cancel.setOnAction(e -> escape());
        HBox buttons = new HBox(8, problem, back, cancel, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        setBottom(buttons);
        BorderPane.setMargin(buttons, new Insets(14, 0, 0, 0));

        // A filter, not a handler: focused radio buttons and spinners would otherwise eat Enter first.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                escape();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER
                    && getScene().getFocusOwner() instanceof Button focused
                    && focused != next
                    && !focused.isDisabled()) {
                focused.fire(); // Enter follows the focus: a focused Back goes back, as Space would
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER
                    && model.stepProperty().get().ordinal() <= Step.REVIEW.ordinal()) {
                model.next();
                e.consume();
            }
        });
        // a step taller than the dialog (many servers, a long failure) scrolls rather than squeezing its texts
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("wizard-page");
        setCenter(scroll);
        model.stepProperty().addListener((obs, old, step) -> show(step));
        show(model.stepProperty().get());
    }

    private void escape() {
        if (model.stepProperty().get() == Step.GENERATING) {
            model.generation().cancel();
        } else {
            close.run();
        }
    }

    private void show(Step step) {
        Node page = pages.get(step);
        scroll.setContent(page);
        scroll.setVvalue(0);
        int current = Math.min(step.ordinal(), 4);
        stepBar.getChildren().clear();
        for (int i = 0; i < TITLES.size(); i++) {
            Label l = new Label((i + 1) + ". " + (i == 4 && step == Step.FAILED ? "Failed" : TITLES.get(i)));
            l.getStyleClass().add("wizard-step");
            if (i == current) {
                l.getStyleClass().add("wizard-step-current");
            } else if (i < current) {
                l.getStyleClass().add("wizard-step-done");
            }
            stepBar.getChildren().add(l);
        }
        boolean choosing = step.ordinal() <= Step.REVIEW.ordinal();
        back.setVisible(step == Step.SERVERS || step == Step.REVIEW);
        next.setVisible(choosing);
        next.setText(step == Step.REVIEW ? "Generate key" : "Next");
        cancel.setText(step == Step.GENERATING ? "Cancel generation" : choosing ? "Cancel" : "Close");
        cancel.setDefaultButton(step == Step.SAVED);
        cancel.disableProperty().unbind();
        if (step == Step.GENERATING) {
            cancel.disableProperty().bind(model.generation().runningProperty().not());
        } else {
            cancel.setDisable(false);
        }
        Platform.runLater(() -> {
            Node focus = page.lookup(".wizard-focus"); // the page's own nodes: the scroll pane's skin may not exist yet
            (focus != null ? focus : choosing && !next.isDisabled() ? next : choosing ? page : cancel).requestFocus();
        });
    }

    /** Opens the wizard as a modal dialog over {@code owner}; the dialog closes with Cancel/Close or Escape. */
    public static Stage showDialog(Window owner, NewKeyViewModel model, ValueCopier copier) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New key");
        NewKeyWizard wizard = new NewKeyWizard(model, copier, stage::close);
        Scene scene = OwnedScene.of(owner, wizard, 760, 560);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> model.generation().cancel());
        stage.show();
        return stage;
    }
}
