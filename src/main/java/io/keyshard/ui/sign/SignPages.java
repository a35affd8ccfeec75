package io.keyshard.ui.sign;

import atlantafx.base.theme.Styles;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.SignReview;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.ProgressGridView;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.pipeline.QrCode;
import io.keyshard.ui.sign.SignViewModel.Step;
import io.keyshard.ui.wizard.ServerChoiceRow;
import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Sign stage's pages after the message: review and signers, signing, the signature, a failure. */
final class SignPages {
    private SignPages() {}

    /** A page: heading, one muted line, content. */
    static VBox page(String heading, String explanation, Node content) {
        Label h = new Label(heading);
        h.getStyleClass().add(Styles.TITLE_4);
        Label e = new Label(explanation);
        e.setWrapText(true);
        e.getStyleClass().add(Styles.TEXT_MUTED);
        VBox page = new VBox(10, h, e, content);
        VBox.setMargin(content, new Insets(8, 0, 0, 0));
        return page;
    }

    static Node review(SignViewModel model) {
        Label title = new Label();
        title.setId("review-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        GridPane what = facts();
        what.setId("sign-review");
        what.getStyleClass().add("stage-card");
        VBox warnings = new VBox(4);
        warnings.setId("review-warnings");
        Runnable draw = () -> {
            what.getChildren().clear();
            warnings.getChildren().clear();
            PreparedPayload p = model.preparedProperty().get();
            if (p == null) {
                title.setText("");
                return;
            }
            SignReview r = p.review();
            title.setText(r.title() + " · " + keyLine(model));
            int row = 0;
            for (SignReview.Row line : r.rows()) {
                Label v = value("review-" + row, line.value());
                v.getStyleClass().add("mono-value");
                what.addRow(row++, name(line.label()), v);
            }
            if (model.messageSha256Property().get() != null) {
                Label v = value("review-sha256", model.messageSha256Property().get());
                v.getStyleClass().add("mono-value");
                what.addRow(row, name("SHA-256"), v);
            }
            for (String w : r.warnings()) {
                Label l = new Label(w, new FontIcon(MaterialDesignA.ALERT_OUTLINE));
                l.setWrapText(true);
                l.getStyleClass().add(Styles.WARNING);
                warnings.getChildren().add(l);
            }
        };
        model.preparedProperty().addListener((o, a, b) -> draw.run());
        draw.run();

        VBox rows = ServerChoiceRow.rows("signer-choices", model.signers(), drawn -> {});
        HBox checkRow = ServerChoiceRow.checkAgain("signers-refresh", model::checkServers, model.signersNoteProperty());
        Label problem = new Label();
        problem.setId("signers-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.WARNING);
        problem.textProperty().bind(model.signersProblemProperty());
        problem.visibleProperty().bind(model.signersProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Label signersTitle = new Label("Signers");
        signersTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label rule = new Label("Any " + model.key().threshold() + " of the key's "
                + model.key().servers().size() + " servers sign together; the first ones that answer are ticked.");
        rule.getStyleClass().add(Styles.TEXT_MUTED);
        rule.setWrapText(true);

        Button back = new Button("Back");
        back.setId("sign-back");
        back.setOnAction(e -> model.back());
        Button sign = new Button("Sign", new FontIcon(MaterialDesignS.SIGNATURE_FREEHAND));
        sign.setId("sign-approve");
        sign.getStyleClass().add(Styles.ACCENT);
        sign.disableProperty().bind(model.canApproveProperty().not());
        sign.setOnAction(e -> model.approve());
        Fit.wholeButtons(back, sign);
        HBox buttons = new HBox(10, back, sign);
        return page(
                "Review and approve",
                "Decoded here from what you gave, not from what anyone says it is. Sign sends it to the ticked "
                        + "servers.",
                new VBox(12, title, what, warnings, signersTitle, rule, rows, checkRow, problem, buttons));
    }

    private static String keyLine(SignViewModel model) {
        var k = model.key();
        return k.displayLabel() + " · " + k.curve().apiName() + " · " + k.threshold() + " of "
                + k.servers().size();
    }

    static Node signing(SignViewModel model) {
        ProgressGridView grid = new ProgressGridView("sign-progress-grid");
        model.stepProperty().addListener((obs, o, step) -> {
            if (step == Step.SIGNING) {
                grid.show(model.grid());
            }
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(model.runningProperty());
        Label status = new Label();
        status.setId("sign-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox line = new HBox(10, spinner, status);
        line.setAlignment(Pos.CENTER_LEFT);
        Label legend = new Label("Each signer proves who it is (identity), commits to fresh one-time nonces "
                + "(round 1), then answers its share of the signature (round 2). Cancel tells every signer to drop "
                + "its nonces: nothing is signed.");
        legend.setWrapText(true);
        legend.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel");
        cancel.setId("sign-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Fit.wholeButtons(cancel);
        return page("Signing", "The signers are working.", new VBox(16, line, grid, legend, cancel));
    }

    static Node done(SignViewModel model, ValueCopier copier) {
        FontIcon ok = new FontIcon(MaterialDesignC.CHECK_DECAGRAM);
        ok.getStyleClass().addAll(Styles.SUCCESS, "saved-badge");
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox head = new HBox(10, ok, status);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = facts();
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
            if (r == null) {
                return;
            }
            int row = 0;
            for (SignedRows.Row line : SignedRows.of(r)) {
                Label v = value(line.id(), line.value());
                v.getStyleClass().add("mono-value");
                if (line.copy()) {
                    CopyButton copy = new CopyButton(line.label().toLowerCase(Locale.ROOT), v::getText, copier);
                    copy.setId("copy-" + line.id().substring("sign-".length()));
                    copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                    Fit.wholeButtons(copy);
                    facts.addRow(row++, name(line.label()), v, copy);
                } else {
                    facts.addRow(row++, name(line.label()), v);
                }
            }
            String shown = SignedRows.qr(r);
            if (shown != null) {
                qr.setImage(QrCode.image(shown, shown.length() > 300 ? 2 : 3));
                qrCaption.setText(
                        shown.equals(r.signature())
                                ? "Scan to read the signature"
                                : "Scan to read the signed transaction");
            }
        });
        VBox qrBox = new VBox(6, qr, qrCaption);
        qrBox.setAlignment(Pos.TOP_CENTER);
        qrBox.setMinWidth(200);
        HBox.setHgrow(facts, Priority.ALWAYS);
        HBox body = new HBox(20, facts, qrBox);

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
        Button another = new Button("Sign something else", new FontIcon(MaterialDesignD.DRAW));
        another.setId("sign-another");
        another.setOnAction(e -> {
            saved.setText("");
            model.startOver();
        });
        Fit.wholeButtons(save, another);
        HBox buttons = new HBox(10, save, another, saved);
        buttons.setAlignment(Pos.CENTER_LEFT);
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
        history.visibleProperty().bind(history.textProperty().isNotEmpty());
        history.managedProperty().bind(history.visibleProperty());
        return page(
                "Signed",
                "The key's signing history (Keys, the key's details) lists this signature.",
                new VBox(14, head, body, history, buttons));
    }

    static Node failed(SignViewModel model) {
        Label what = new Label();
        what.setId("sign-failure");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.DANGER);
        what.textProperty().bind(model.failureProperty());
        Label advice = new Label();
        advice.setId("sign-advice");
        advice.setWrapText(true);
        advice.textProperty().bind(model.adviceProperty());
        Button again = new Button("Review signers", new FontIcon(MaterialDesignR.REFRESH));
        again.setId("sign-review-again");
        again.getStyleClass().add(Styles.ACCENT);
        again.setOnAction(e -> model.reviewAgain());
        Button change = new Button("Change the message");
        change.setId("sign-change-message");
        change.setOnAction(e -> model.back());
        Fit.wholeButtons(again, change);
        return page(
                "Not signed",
                "No signature was made; the signers keep nothing of this attempt.",
                new VBox(14, what, advice, new HBox(10, again, change)));
    }

    private static GridPane facts() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        return grid;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setMinWidth(Label.USE_PREF_SIZE);
        GridPane.setValignment(l, VPos.TOP);
        return l;
    }

    private static Label value(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(l, Priority.ALWAYS);
        return l;
    }
}
