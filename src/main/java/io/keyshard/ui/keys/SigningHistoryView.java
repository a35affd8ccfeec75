package io.keyshard.ui.keys;

import atlantafx.base.theme.Styles;
import io.keyshard.vault.SignatureEntry;
import io.keyshard.vault.SignedPayload;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The details pane's signing history: per signature when, what, which address and path, which servers,
 * and the signature itself with Copy, so a signature whose window was closed before it was copied is not lost.
 */
final class SigningHistoryView extends VBox {
    /** The most entries drawn; the rest are counted. */
    static final int SHOWN = 20;

    private final SigningHistory history;
    private final VBox rows = new VBox(8);
    private final Label none = new Label();
    private final BiConsumer<String, String> copy;

    /** {@code copy} takes a value and its name, as {@link KeysViewModel#copy} does. */
    SigningHistoryView(SigningHistory history, BiConsumer<String, String> copy) {
        super(6);
        this.history = history;
        this.copy = copy;
        setId("signing-history");
        Label heading = new Label("Signing history");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        none.setId("signing-history-none");
        none.setWrapText(true);
        none.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        getChildren().addAll(heading, none, rows);
        history.entries().addListener((ListChangeListener<SignatureEntry>) c -> draw());
        history.problemProperty().addListener((o, a, b) -> draw());
        draw();
    }

    private void draw() {
        rows.getChildren().clear();
        String problem = history.problemProperty().get();
        int n = history.entries().size();
        none.getStyleClass().remove(Styles.DANGER);
        if (!problem.isEmpty()) {
            none.setText(problem);
            none.getStyleClass().add(Styles.DANGER);
        } else if (n == 0) {
            none.setText("No signatures yet. Sign… above signs with this key.");
        } else {
            none.setText(n == 1 ? "1 signature, newest first." : n + " signatures, newest first.");
        }
        for (int i = 0; i < Math.min(n, SHOWN); i++) {
            rows.getChildren().add(row(history.entries().get(i), i));
        }
        if (n > SHOWN) {
            Label more = new Label((n - SHOWN) + " older signatures are not shown.");
            more.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            rows.getChildren().add(more);
        }
    }

    private VBox row(SignatureEntry e, int i) {
        Label what = new Label(KeyTexts.shortDate(e.signedAt()) + " · "
                + e.payload().id() + (e.description().isEmpty() ? "" : " · " + e.description()));
        what.setId("signing-history-" + i);
        what.setWrapText(true);
        Label where = new Label((e.address() == null ? "no address" : e.address()) + " · " + e.derivationPath());
        where.getStyleClass().add("mono-value");
        where.setWrapText(true);
        Label who = new Label("Signed by " + String.join(", ", e.signers()) + " · "
                + (e.payload() == SignedPayload.MESSAGE ? "SHA-256 " : "digest ") + e.digest());
        who.setWrapText(true);
        who.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(2, what, where, who, signature(e, i));
        box.getStyleClass().add("history-entry");
        return box;
    }

    private HBox signature(SignatureEntry e, int i) {
        Label value = new Label("Signature " + e.signature());
        value.setId("signing-history-signature-" + i);
        value.getStyleClass().addAll("mono-value", Styles.TEXT_SMALL);
        value.setWrapText(true);
        value.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(value, Priority.ALWAYS);
        Button button = CopyIcon.of(
                "copy-history-signature-" + i,
                "Copy this signature",
                "Copy the signature of " + KeyTexts.shortDate(e.signedAt()),
                () -> copy.accept(e.signature(), "Signature"));
        HBox row = new HBox(8, value, button);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }
}
