package io.keyshard.ui.sign;

import atlantafx.base.theme.Styles;
import io.keyshard.client.PayloadKind;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.TitleConverter;
import io.keyshard.ui.sign.SignPages.Page;
import io.keyshard.ui.sign.SignViewModel.InputMode;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The Sign stage's first page: the kind, the input typed or opened, and for a PSBT whether to finalize it. */
final class SignComposePage {
    private SignComposePage() {}

    static Page of(SignViewModel model) {
        ComboBox<PayloadKind> kind = new ComboBox<>();
        kind.getItems().setAll(PayloadKind.forCurve(model.key().curve()));
        kind.setId("sign-kind");
        kind.setConverter(new TitleConverter<>(PayloadKind::title));
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
        model.modeProperty().addListener((o, a, m) -> modes.selectToggle(m == InputMode.HEX ? hex : text));
        Button open = new Button("Open file…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("sign-open-file");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open the file to sign");
            File f = chooser.showOpenDialog(open.getScene().getWindow());
            if (f != null) {
                model.open(f.toPath());
            }
        });
        Button closeFile = new Button("Use the typed input");
        closeFile.setId("sign-close-file");
        closeFile.setOnAction(e -> model.closeFile());
        BooleanBinding hasFile = model.fileProperty().isNotNull();
        SignPages.showWhen(closeFile, hasFile);
        Fit.wholeButtons(text, hex, open, closeFile);
        Label kindName = new Label("What to sign");
        kindName.setMinWidth(Region.USE_PREF_SIZE);
        HBox modeBox = new HBox(text, hex);
        SignPages.showWhen(
                modeBox,
                Bindings.createBooleanBinding(
                        () -> model.kindProperty().get() == null
                                || model.kindProperty().get().takesHex(),
                        model.kindProperty()));
        HBox row = new HBox(10, kindName, kind, modeBox, open, closeFile);
        row.setAlignment(Pos.CENTER_LEFT);

        TextArea input = new TextArea();
        input.setId("sign-input");
        input.promptTextProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.kindProperty().get() == null
                                ? null
                                : model.kindProperty().get().inputHint(),
                        model.kindProperty()));
        input.setWrapText(true);
        input.setPrefRowCount(6);
        input.textProperty().bindBidirectional(model.textProperty());
        input.disableProperty().bind(hasFile);
        input.getStyleClass().add("sign-input");
        Label problem = new Label();
        problem.setId("sign-input-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.inputProblemProperty());
        SignPages.showWhen(problem, model.inputProblemProperty().isNotNull());

        CheckBox finalize = new CheckBox("Finalize: also make the final transaction, ready to broadcast");
        finalize.setId("sign-finalize");
        finalize.setWrapText(true);
        finalize.selectedProperty().bindBidirectional(model.finalizePsbtProperty());
        Label finalizeNote = new Label("Every input then needs its signatures: inputs of other keys must be "
                + "signed already. Leave it off when another signer still has to sign.");
        finalizeNote.setWrapText(true);
        finalizeNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox finalizeBox = new VBox(2, finalize, finalizeNote);
        SignPages.showWhen(finalizeBox, model.kindProperty().isEqualTo(PayloadKind.PSBT));

        Label size = new Label();
        size.setId("sign-input-size");
        size.getStyleClass().add(Styles.TEXT_MUTED);
        size.textProperty().bind(model.inputSizeProperty());
        Button next = new Button("Review and choose signers", new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
        next.setId("sign-next");
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.inputReadyProperty().not().or(model.preparingProperty()));
        next.setOnAction(e -> model.next());
        Fit.wholeButtons(next);
        HBox actions = new HBox(12, next, size);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new Page(
                SignPages.page(
                        "What to sign",
                        "Nothing goes to a server before you approve: Review decodes it here and shows what it is.",
                        new VBox(10, row, input, problem, finalizeBox)),
                actions);
    }
}
