package io.keyshard.ui.wizard;

import atlantafx.base.theme.Styles;
import io.keyshard.curve.CurveName;
import io.keyshard.ui.common.ShareCustody;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The wizard's first three steps: what the user chooses (curve; servers, threshold and label; review). */
final class ChoiceSteps {
    private ChoiceSteps() {}

    static Node curve(NewKeyViewModel model) {
        ToggleGroup group = new ToggleGroup();
        VBox list = new VBox(6);
        for (CurveName c : CurveName.values()) {
            RadioButton r = new RadioButton(c.apiName());
            r.setId("curve-" + c.apiName());
            r.setMnemonicParsing(false);
            r.setUserData(c);
            r.setToggleGroup(group);
            r.getStyleClass().add("curve-choice");
            Label use = new Label(c.use());
            use.getStyleClass().add(Styles.TEXT_MUTED);
            use.setWrapText(true);
            VBox item = new VBox(2, r, use);
            VBox.setMargin(use, new Insets(0, 0, 0, 26));
            list.getChildren().add(item);
            if (c == model.curveProperty().get()) {
                group.selectToggle(r);
                r.getStyleClass().add("wizard-focus");
            }
        }
        group.selectedToggleProperty()
                .addListener(
                        (obs, old, t) -> model.curveProperty().set(t == null ? null : (CurveName) t.getUserData()));
        return page(
                "Which curve?",
                "The curve decides which chains the key can hold. You can make more keys later; "
                        + "one curve per key.",
                list);
    }

    static Node servers(NewKeyViewModel model) {
        VBox rows = ServerChoiceRow.rows("server-choices", model.servers(), drawn -> {
            // the first tick box takes the focus, so the focus never rests on Back while Enter runs Next
            if (!drawn.getChildren().isEmpty()) {
                Node first = ((ServerChoiceRow) drawn.getChildren().get(0)).box();
                first.getStyleClass().add("wizard-focus");
                if (drawn.getScene() != null && !(drawn.getScene().getFocusOwner() instanceof TextInputControl)) {
                    first.requestFocus();
                }
            }
        });
        HBox status = ServerChoiceRow.checkAgain("servers-refresh", model::checkHealth, model.serversNoteProperty());

        IntegerSpinnerValueFactory range = new IntegerSpinnerValueFactory(ThresholdRules.MIN, 3, ThresholdRules.MIN);
        Spinner<Integer> threshold = new Spinner<>(range);
        threshold.setId("threshold");
        threshold.setPrefWidth(90);
        Runnable limits = () -> range.setMax(Math.max(ThresholdRules.MIN, model.selectedCount()));
        model.servers().addListener((ListChangeListener<ServerChoice>) ch -> limits.run());
        limits.run();
        range.valueProperty()
                .addListener((obs, o, v) -> model.thresholdProperty().set(v));
        model.thresholdProperty().addListener((obs, o, v) -> range.setValue(v.intValue()));
        Label of = new Label();
        of.setId("threshold-of");
        of.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> ThresholdRules.ofChosen(model.selectedCount()), model.servers()));
        HBox tRow = new HBox(10, new Label("Threshold"), threshold, of);
        tRow.setAlignment(Pos.CENTER_LEFT);
        Label sentence = new Label();
        sentence.setId("threshold-sentence");
        sentence.getStyleClass().add("threshold-sentence");
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        sentence.textProperty().bind(model.thresholdSentence());

        TextField label = new TextField();
        label.setId("key-label");
        label.setPromptText("optional, e.g. Treasury");
        label.textProperty().bindBidirectional(model.labelProperty());
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox labelRow = new HBox(10, new Label("Label"), label);
        labelRow.setAlignment(Pos.CENTER_LEFT);
        Label custody = new Label(ShareCustody.ALL_LOCAL);
        custody.setId("all-local-warning");
        custody.setWrapText(true);
        custody.setMinHeight(Region.USE_PREF_SIZE);
        custody.getStyleClass().addAll(Styles.WARNING, "custody-note");
        custody.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.selectedCount() > 0
                                && model.chosen().stream().allMatch(ServerChoice::local),
                        model.servers()));
        custody.managedProperty().bind(custody.visibleProperty());
        return page(
                "Which servers hold the shares?",
                "Each chosen server keeps one share of the key; none ever sees "
                        + "the whole key. Choose at least two, then how many of them must take part to sign.",
                new VBox(10, rows, status, tRow, sentence, custody, labelRow));
    }

    static Node review(NewKeyViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        grid.setId("review");
        Label curve = value(Bindings.createStringBinding(
                () -> model.curveProperty().get() == null
                        ? ""
                        : model.curveProperty().get().apiName() + " ("
                                + model.curveProperty().get().use() + ")",
                model.curveProperty()));
        Label servers = value(Bindings.createStringBinding(
                () -> String.join(
                        ", ", model.chosen().stream().map(ServerChoice::name).toList()),
                model.servers()));
        Label threshold = value(Bindings.createStringBinding(
                () -> model.thresholdProperty().get() + " of "
                        + model.selectedCount() + " — "
                        + ThresholdRules.sentence(
                                model.selectedCount(), model.thresholdProperty().get()),
                model.thresholdProperty(),
                model.servers()));
        Label label = value(Bindings.createStringBinding(
                () -> model.labelProperty().get() == null
                                || model.labelProperty().get().isBlank()
                        ? "(none)"
                        : model.labelProperty().get(),
                model.labelProperty()));
        grid.addRow(0, name("Curve"), curve);
        grid.addRow(1, name("Servers"), servers);
        grid.addRow(2, name("Threshold"), threshold);
        grid.addRow(3, name("Label"), label);
        Label after = new Label("When you press Generate key, the key's record is written to your encrypted vault "
                + "first, then the servers run the three rounds of the key generation. It takes a few seconds.");
        after.setWrapText(true);
        after.getStyleClass().add(Styles.TEXT_MUTED);
        return page("Check and generate", "Nothing has been created yet.", new VBox(16, grid, after));
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(StringBinding text) {
        Label l = new Label();
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** A step page: a heading, one explaining line, and the content. */
    static VBox page(String heading, String explanation, Node content) {
        Label h = new Label(heading);
        h.getStyleClass().add(Styles.TITLE_4);
        Label e = new Label(explanation);
        e.setWrapText(true);
        e.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to "..."
        e.getStyleClass().add(Styles.TEXT_MUTED);
        VBox page = new VBox(10, h, e, content);
        VBox.setMargin(content, new Insets(8, 0, 0, 0));
        return page;
    }
}
