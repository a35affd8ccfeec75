package io.keyshard.ui.common;

import atlantafx.base.theme.Styles;
import io.keyshard.client.SigningReadiness;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * Whether a key signs at once, in one line (the Saved page of the New key wizard, a key's details): "Setting up
 * signing…" with a spinner, then "Ready to sign", or when the next signing will set it up first. Empty for null.
 * {@link #steady} keeps the height of its tallest state once shown, so the page below it stays where it was.
 */
public final class SigningLine extends HBox {
    private final Label text = new Label();
    private final Label note = new Label();
    private boolean steady;
    private SigningReadiness.State shown;

    /** A line as tall as its state needs: for a view whose key changes (a key's details). */
    public SigningLine(ObservableValue<SigningReadiness> readiness) {
        super(10);
        setId("signing-line");
        setAlignment(Pos.TOP_LEFT);
        text.setId("signing-state");
        text.getStyleClass().add(Styles.TEXT_BOLD);
        text.setWrapText(true); // a narrow details pane wraps the state rather than cutting it
        note.setId("signing-note");
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        readiness.addListener((obs, old, r) -> show(r));
        show(readiness.getValue());
    }

    /**
     * A line for one key whose state changes under the person's eyes (the wizard's Saved page): a new state never
     * makes it shorter, so the buttons below it do not move up under the pointer when a setup ends.
     */
    public static SigningLine steady(ObservableValue<SigningReadiness> readiness) {
        SigningLine line = new SigningLine(readiness);
        line.steady = true;
        return line;
    }

    private void show(SigningReadiness r) {
        if (steady && isVisible() && getHeight() > 0) {
            setMinHeight(Math.max(getMinHeight(), getHeight()));
        }
        setVisible(r != null);
        setManaged(r != null);
        if (r == null) {
            getChildren().clear();
            return;
        }
        Node mark;
        switch (r.state()) {
            case SETTING_UP -> {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setPrefSize(18, 18);
                spinner.setMinSize(18, 18); // the line's text would squeeze it to nothing
                mark = spinner;
                text.setText("Setting up signing…");
                note.setText("The servers prepare threshold ECDSA signing together. It takes a few seconds, once for "
                        + "each pair of servers: later keys on the same servers sign at once. It goes on if you close "
                        + "this; a signing started meanwhile waits for it.");
            }
            case READY -> {
                mark = icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE, Styles.SUCCESS);
                text.setText("Ready to sign");
                // one key seen setting up: say that it ended, in the room the setup's words took
                note.setText(
                        steady && shown == SigningReadiness.State.SETTING_UP
                                ? "The servers finished setting up threshold ECDSA signing: this key signs at once."
                                : "");
            }
            case ON_FIRST_USE -> {
                mark = icon(MaterialDesignC.CLOCK_OUTLINE, Styles.TEXT_MUTED);
                text.setText("Signing will be set up on first use");
                note.setText("The first signing takes a few seconds longer: the servers prepare threshold ECDSA "
                        + "signing together, once for each pair of servers."
                        + (r.note() == null ? "" : " " + capital(r.note()) + "."));
            }
            default -> {
                mark = icon(MaterialDesignH.HELP_CIRCLE_OUTLINE, Styles.TEXT_MUTED);
                text.setText("Not known whether signing is set up");
                note.setText(r.note() == null ? "" : capital(r.note()) + ".");
            }
        }
        shown = r.state();
        VBox words = new VBox(2, text, note);
        words.setFillWidth(true);
        note.setVisible(!note.getText().isEmpty());
        note.setManaged(note.isVisible());
        getChildren().setAll(mark, words);
    }

    private static Node icon(Ikon ikon, String style) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(style);
        return icon;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
