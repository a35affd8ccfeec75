package io.keyshard.ui.sign;

import atlantafx.base.theme.Styles;
import io.keyshard.client.SignResult;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.ProgressGridView;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.pipeline.QrCode;
import io.keyshard.ui.sign.SignViewModel.Step;
import io.keyshard.ui.wizard.ServerChoice;
import io.keyshard.ui.wizard.ServerChoiceRow;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
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

    /** The decoded message: size, SHA-256 and a preview as text or hex; follows the input as it is typed. */
    static Node reviewCard(SignViewModel model) {
        GridPane grid = facts();
        Label size = value("review-size", bind(model, r -> r.sizeText()));
        Label sha = value("review-sha256", bind(model, MessageReview::sha256));
        sha.getStyleClass().add("mono-value");
        Label shownAs = value("review-shown-as", bind(model, SignPages::shownAs));
        shownAs.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label preview = value("review-preview", bind(model, MessageReview::preview));
        preview.getStyleClass().add("mono-value");
        preview.setMaxHeight(160);
        grid.addRow(0, name("Size"), size);
        grid.addRow(1, name("SHA-256"), sha);
        grid.addRow(2, name("Preview"), new VBox(4, shownAs, preview));
        grid.getStyleClass().add("stage-card");
        grid.setId("sign-review");
        grid.visibleProperty().bind(model.reviewProperty().isNotNull());
        grid.managedProperty().bind(grid.visibleProperty());
        return grid;
    }

    private static String shownAs(MessageReview r) {
        String cut = r.truncated() ? ", the start only" : "";
        return r.shownAsText() ? "As text (UTF-8" + cut + ")" : "As hex, because " + r.why() + cut;
    }

    private static ObservableValue<String> bind(SignViewModel model, Function<MessageReview, String> f) {
        return Bindings.createStringBinding(
                () -> model.reviewProperty().get() == null
                        ? ""
                        : f.apply(model.reviewProperty().get()),
                model.reviewProperty());
    }

    static Node review(SignViewModel model) {
        GridPane what = facts();
        what.addRow(0, name("Key"), value("review-key", keyLine(model)));
        Label at = value("review-at", (ObservableValue<String>) null);
        at.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.where().stagesProperty().get() == null
                                ? ""
                                : model.where().stagesProperty().get().address() + "\n"
                                        + model.where().stagesProperty().get().derivationPath(),
                        model.where().stagesProperty()));
        at.getStyleClass().add("mono-value");
        what.addRow(1, name("Address and path"), at);

        VBox rows = new VBox(6);
        rows.setId("signer-choices");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (ServerChoice c : model.signers()) {
                rows.getChildren().add(new ServerChoiceRow(c));
            }
        };
        model.signers().addListener((ListChangeListener<ServerChoice>) ch -> {
            boolean structural = false;
            while (ch.next()) {
                structural |= ch.wasAdded() || ch.wasRemoved();
            }
            if (structural) {
                rebuild.run();
            }
        });
        rebuild.run();
        Button check = new Button("Check again", new FontIcon(MaterialDesignR.REFRESH));
        check.setId("signers-refresh");
        check.setOnAction(e -> model.checkServers());
        Label note = new Label();
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.textProperty().bind(model.signersNoteProperty());
        Fit.wholeButtons(check);
        Fit.messageBeside(note);
        HBox checkRow = new HBox(10, check, note);
        checkRow.setAlignment(Pos.CENTER_LEFT);
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
                "Check what is signed and by which address; Sign sends it to the ticked servers.",
                new VBox(12, reviewCard(model), what, signersTitle, rule, rows, checkRow, problem, buttons));
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
        Label signature = value("sign-signature", result(model, SignResult::signature));
        signature.getStyleClass().add("mono-value");
        Label publicKey = value("sign-public-key", result(model, SignResult::publicKey));
        publicKey.getStyleClass().add("mono-value");
        Label scheme = value(
                "sign-scheme", result(model, r -> r.scheme() + " (" + r.curve().apiName() + ")"));
        Label address = value("sign-address", result(model, r -> r.address() == null ? "" : r.address()));
        address.getStyleClass().add("mono-value");
        Label path = value("sign-path", result(model, SignResult::derivationPath));
        Label signers = value("sign-signers", result(model, r -> String.join(", ", r.signers())));
        Label sha = value("sign-sha256", result(model, SignResult::messageSha256));
        sha.getStyleClass().add("mono-value");
        CopyButton copySignature = new CopyButton("signature", signature::getText, copier);
        copySignature.setId("copy-signature");
        CopyButton copyKey = new CopyButton("public key", publicKey::getText, copier);
        copyKey.setId("copy-public-key");
        facts.addRow(0, name("Signature"), signature, copySignature);
        facts.addRow(1, name("Scheme"), scheme);
        facts.addRow(2, name("Public key"), publicKey, copyKey);
        facts.addRow(3, name("Address"), address);
        facts.addRow(4, name("Path"), path);
        facts.addRow(5, name("Signers"), signers);
        facts.addRow(6, name("Message SHA-256"), sha);

        ImageView qr = new ImageView();
        qr.setId("signature-qr");
        qr.setSmooth(false);
        model.resultProperty().addListener((o, a, r) -> qr.setImage(r == null ? null : QrCode.image(r.signature(), 3)));
        Label qrCaption = new Label("Scan to read the signature (hex)");
        qrCaption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
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
        history.textProperty().bind(model.historyNoteProperty());
        history.visibleProperty().bind(model.historyNoteProperty().isNotEmpty());
        history.managedProperty().bind(history.visibleProperty());
        return page(
                "Signed",
                "The key's signing history (Keys, details) lists this signature.",
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

    private static ObservableValue<String> result(SignViewModel model, Function<SignResult, String> f) {
        return Bindings.createStringBinding(
                () -> model.resultProperty().get() == null
                        ? ""
                        : f.apply(model.resultProperty().get()),
                model.resultProperty());
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

    private static Label value(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(l, Priority.ALWAYS);
        if (text != null) {
            l.textProperty().bind(text);
        }
        return l;
    }

    private static Label value(String id, String text) {
        Label l = value(id, (ObservableValue<String>) null);
        l.setText(text);
        return l;
    }
}
