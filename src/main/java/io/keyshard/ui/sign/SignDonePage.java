package io.keyshard.ui.sign;

import atlantafx.base.theme.Styles;
import io.keyshard.client.PayloadResult;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.pipeline.QrCode;
import io.keyshard.ui.sign.SignPages.Page;
import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Sign stage's result page: the checked signature or signed transaction with copy, save and a QR code;
 * for a PSBT signed in part, which input failed and the PSBT with the signatures made, to keep or to finish.
 */
final class SignDonePage {
    private SignDonePage() {}

    static Page of(SignViewModel model, ValueCopier copier) {
        BooleanBinding partial = model.partialProperty().isNotNull();
        FontIcon ok = new FontIcon(MaterialDesignC.CHECK_DECAGRAM);
        ok.getStyleClass().addAll(Styles.SUCCESS, "saved-badge");
        FontIcon part = new FontIcon(MaterialDesignA.ALERT_DECAGRAM_OUTLINE);
        part.getStyleClass().add("partial-badge");
        SignPages.showWhen(ok, partial.not());
        SignPages.showWhen(part, partial);
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox head = new HBox(10, ok, part, status);
        head.setAlignment(Pos.CENTER_LEFT);
        Label partialNote = new Label();
        partialNote.setId("sign-partial");
        partialNote.setWrapText(true);
        partialNote.getStyleClass().add(Styles.WARNING);
        partialNote.textProperty().bind(model.partialProperty());
        SignPages.showWhen(partialNote, partial);

        GridPane facts = SignPages.facts();
        facts.setId("sign-result");
        ImageView qr = new ImageView();
        qr.setId("signature-qr");
        qr.setSmooth(false);
        Label qrCaption = new Label();
        qrCaption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        qrCaption.setWrapText(true);
        qrCaption.setMaxWidth(200);
        model.resultProperty().addListener((o, a, r) -> {
            facts.getChildren().clear();
            qr.setImage(null);
            qrCaption.setText("");
            if (r != null) {
                show(r, facts, copier);
                SignedRows.Qr shown = SignedRows.qr(r);
                if (shown != null) {
                    qr.setImage(QrCode.image(shown.value(), shown.value().length() > 300 ? 2 : 3));
                    qrCaption.setText(shown.caption());
                }
            }
        });
        VBox qrBox = new VBox(6, qr, qrCaption);
        qrBox.setAlignment(Pos.TOP_CENTER);
        qrBox.setMinWidth(200);
        HBox.setHgrow(facts, Priority.ALWAYS);
        HBox body = new HBox(20, facts, qrBox);

        Label history = new Label();
        history.setId("sign-history-note");
        history.setWrapText(true);
        history.getStyleClass().add(Styles.WARNING);
        history.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.resultProperty().get() == null
                                        || model.resultProperty().get().historyProblem() == null
                                ? ""
                                : "The result is valid, but "
                                        + model.resultProperty().get().historyProblem() + ".",
                        model.resultProperty()));
        SignPages.showWhen(history, history.textProperty().isNotEmpty());
        Label heading = new Label();
        heading.textProperty()
                .bind(Bindings.when(partial).then("Signed in part").otherwise("Signed"));
        return new Page(
                SignPages.page(
                        heading,
                        "The key's signing history (Keys, the key's details) lists each signature made.",
                        new VBox(14, head, partialNote, body, history)),
                actions(model, partial));
    }

    private static void show(PayloadResult r, GridPane facts, ValueCopier copier) {
        int row = 0;
        for (SignedRows.Row line : SignedRows.of(r)) {
            Label v = SignPages.value(line.id(), line.value());
            v.getStyleClass().add("mono-value");
            if (line.copy()) {
                CopyButton copy = new CopyButton(line.label().toLowerCase(Locale.ROOT), v::getText, copier);
                copy.setId("copy-" + line.id().substring("sign-".length()));
                copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                Fit.wholeButtons(copy);
                facts.addRow(row++, SignPages.name(line.label()), v, copy);
            } else {
                facts.addRow(row++, SignPages.name(line.label()), v);
            }
        }
    }

    private static HBox actions(SignViewModel model, BooleanBinding partial) {
        Label saved = new Label();
        saved.setId("sign-saved");
        Fit.messageBeside(saved);
        Button save = new Button("Save…", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("sign-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the signature");
            chooser.setInitialFileName("signature.json");
            File f = chooser.showSaveDialog(save.getScene().getWindow());
            if (f != null) {
                model.save(f.toPath()).thenAccept(saved::setText);
            }
        });
        Button rest = new Button("Sign the rest", new FontIcon(MaterialDesignS.SIGNATURE_FREEHAND));
        rest.setId("sign-rest");
        rest.getStyleClass().add(Styles.ACCENT);
        rest.setOnAction(e -> {
            saved.setText("");
            model.signTheRest();
        });
        SignPages.showWhen(rest, partial);
        Button another = new Button("Sign something else", new FontIcon(MaterialDesignD.DRAW));
        another.setId("sign-another");
        another.setOnAction(e -> {
            saved.setText("");
            model.startOver();
        });
        Fit.wholeButtons(save, rest, another);
        HBox buttons = new HBox(10, save, rest, another, saved);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }
}
