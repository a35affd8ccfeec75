package io.keyshard.ui.sign;

import atlantafx.base.theme.Styles;
import io.keyshard.client.PreparedPayload;
import io.keyshard.client.SignReview;
import io.keyshard.client.StandardVerifier;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.ProgressGridView;
import io.keyshard.ui.sign.SignViewModel.Step;
import io.keyshard.ui.wizard.ServerChoiceRow;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Sign stage's pages between the input and the result: review and signers, signing, a failure. */
final class SignPages {
    /** A page: what scrolls, and its actions, which stay in sight below it. */
    record Page(Node body, Node actions) {}

    private SignPages() {}

    /** A page: heading, one muted line, content. */
    static VBox page(String heading, String explanation, Node content) {
        return page(new Label(heading), explanation, content);
    }

    /** A page whose heading may change with it. */
    static VBox page(Label h, String explanation, Node content) {
        h.getStyleClass().add(Styles.TITLE_4);
        Label e = new Label(explanation);
        e.setWrapText(true);
        e.getStyleClass().add(Styles.TEXT_MUTED);
        VBox page = new VBox(10, h, e, content);
        VBox.setMargin(content, new Insets(8, 0, 0, 0));
        return page;
    }

    static void showWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    static Page review(SignViewModel model) {
        Label title = new Label();
        title.setId("review-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        GridPane what = facts();
        what.setId("sign-review");
        what.getStyleClass().add("stage-card");
        VBox warnings = new VBox(4);
        warnings.setId("review-warnings");
        showWhen(warnings, Bindings.isNotEmpty(warnings.getChildren()));
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
        return new Page(
                page(
                        "Review and approve",
                        "Decoded here from what you gave, not from what anyone says it is. Sign sends it to the "
                                + "ticked servers.",
                        // warnings above what they are about: a long review must not push them below the Sign button
                        new VBox(12, title, warnings, what, signersTitle, rule, rows, checkRow, problem)),
                buttons);
    }

    /** "Savings · SECP256k1 · 2 of 3", or for a key without a label "SECP256k1 key f3975401 · 2 of 3". */
    private static String keyLine(SignViewModel model) {
        var k = model.key();
        String who = k.label().isEmpty()
                ? k.nameInText()
                : k.label() + " · " + k.curve().apiName();
        return who + " · " + k.threshold() + " of " + k.servers().size();
    }

    static Page signing(SignViewModel model) {
        ProgressGridView grid = new ProgressGridView("sign-progress-grid");
        model.stepProperty().addListener((obs, o, step) -> {
            if (step == Step.SIGNING) {
                grid.show(model.grid());
            }
        });
        // each signing of a payload (a PSBT's input) starts on a new grid
        model.partProperty().addListener((obs, o, part) -> grid.show(model.grid()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(model.runningProperty());
        Label status = new Label();
        status.setId("sign-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox line = new HBox(10, spinner, status);
        line.setAlignment(Pos.CENTER_LEFT);
        Label part = new Label();
        part.setId("sign-part");
        part.setWrapText(true);
        part.getStyleClass().add(Styles.TEXT_BOLD);
        part.textProperty().bind(model.partProperty());
        showWhen(part, model.partProperty().isNotEmpty());
        boolean ecdsa = !StandardVerifier.frost(model.key().curve());
        Label legend = new Label("Each signer proves who it is (identity), commits to fresh one-time nonces "
                + "(round 1), then answers its share of the signature ("
                + (ecdsa ? "rounds 2 and 3" : "round 2")
                + "). Cancel tells every signer to drop its nonces: nothing more is signed.");
        legend.setWrapText(true);
        legend.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel");
        cancel.setId("sign-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Fit.wholeButtons(cancel);
        return new Page(page("Signing", "The signers are working.", new VBox(16, part, line, grid, legend)), cancel);
    }

    static Page failed(SignViewModel model) {
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
        return new Page(
                page(
                        "Not signed",
                        "No signature was made; the signers keep nothing of this attempt.",
                        new VBox(14, what, advice)),
                new HBox(10, again, change));
    }

    static GridPane facts() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        return grid;
    }

    static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setMinWidth(Label.USE_PREF_SIZE);
        GridPane.setValignment(l, VPos.TOP);
        return l;
    }

    static Label value(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(l, Priority.ALWAYS);
        return l;
    }
}
