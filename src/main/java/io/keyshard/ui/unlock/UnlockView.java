package io.keyshard.ui.unlock;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.AppIcons;
import io.keyshard.ui.common.FormDialog;
import io.keyshard.ui.common.PasswordMeterBar;
import io.keyshard.ui.unlock.UnlockViewModel.Mode;
import io.keyshard.vault.VaultRollback;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The full-window welcome screen shown while the vault is locked: "Create your vault" on a fresh
 * home, "Unlock" otherwise. Enter submits; the fields are emptied as soon as a password is taken.
 */
public final class UnlockView extends StackPane {
    private final UnlockViewModel model;
    private final PasswordField newPassword = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final PasswordField password = new PasswordField();
    private final VBox card = new VBox(14);
    private final Node createForm;
    private final Node unlockForm;
    private final Node rollbackForm;
    private final RestoreForm restoreForm;
    private final Timeline countdown;

    public UnlockView(UnlockViewModel model, Path home) {
        this.model = model;
        setId("unlock-view");
        getStyleClass().add("unlock-view");
        createForm = createForm();
        unlockForm = unlockForm(home);
        rollbackForm = rollbackForm();
        restoreForm = new RestoreForm(
                model, home, header("Restore from a backup"), errorLabel(), busyRow("Restoring the vault…"));
        countdown = new Timeline(new KeyFrame(Duration.millis(250), e -> model.refresh()));
        countdown.setCycleCount(Timeline.INDEFINITE);
        model.waitSecondsProperty().addListener((obs, old, now) -> {
            if (now.intValue() > 0) {
                countdown.play();
            } else {
                countdown.stop();
            }
        });

        card.getStyleClass().add("unlock-card");
        card.setMaxWidth(500);
        card.setMaxHeight(USE_PREF_SIZE);
        model.modeProperty().addListener((obs, old, mode) -> showMode(mode));
        model.rollbackProperty().addListener((obs, old, warning) -> {
            if (warning != null) {
                card.getChildren().setAll(rollbackForm);
            } else {
                showMode(model.modeProperty().get());
            }
        });
        showMode(model.modeProperty().get());
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }

    /** Puts the cursor in the first password field (after the overlay appears). */
    public void focusFirstField() {
        switch (model.modeProperty().get()) {
            case CREATE -> newPassword.requestFocus();
            case RESTORE -> restoreForm.firstField().requestFocus();
            case UNLOCK -> password.requestFocus();
        }
    }

    private void showMode(Mode mode) {
        newPassword.clear();
        confirm.clear();
        password.clear();
        restoreForm.clearPasswords();
        card.getChildren()
                .setAll(
                        switch (mode) {
                            case CREATE -> createForm;
                            case RESTORE -> restoreForm;
                            case UNLOCK -> unlockForm;
                        });
        focusFirstField();
    }

    private Node createForm() {
        newPassword.setId("new-password");
        newPassword.setPromptText("Vault password");
        confirm.setId("confirm-password");
        confirm.setPromptText("The same password again");

        PasswordMeterBar meterRow = new PasswordMeterBar(model.meter(), "strength");
        Runnable rate = () -> model.edited(newPassword.getCharacters(), confirm.getCharacters());
        newPassword.textProperty().addListener((obs, o, n) -> rate.run());
        confirm.textProperty().addListener((obs, o, n) -> rate.run());

        Label hint = new Label();
        hint.setId("create-hint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.textProperty().bind(model.createHintProperty());

        Button create = new Button("Create vault", new FontIcon(MaterialDesignL.LOCK_PLUS));
        create.setId("create-vault");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(model.createValidProperty().not().or(model.busyProperty()));
        create.setOnAction(e -> model.create(FormDialog.take(newPassword), FormDialog.take(confirm)));
        confirm.setOnAction(e -> create.fire());
        newPassword.setOnAction(e -> confirm.requestFocus());

        Label protects = paragraph("Keyshard keeps the keyId of every key you create in an encrypted vault on "
                + "this computer. The keyId is the only handle to a key's shares on the MPC servers: without it "
                + "the key cannot be used. This password encrypts the vault.");
        Label warning = new Label(
                "The password cannot be recovered or reset. If you forget it, the keyIds "
                        + "can only come back from a backup you exported (which has its own password).",
                new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        warning.setId("create-warning");
        warning.setWrapText(true);
        warning.getStyleClass().addAll("unlock-warning", Styles.WARNING);

        VBox form = new VBox(
                12,
                header("Create your vault"),
                protects,
                warning,
                fieldLabel("Password", newPassword),
                newPassword,
                meterRow,
                fieldLabel("Confirm password", confirm),
                confirm,
                hint,
                errorLabel(),
                busyRow("Creating the vault…"),
                create,
                restoreLink());
        return form;
    }

    /** On a fresh home: fill the new vault from a backup instead (a new computer, a lost disk). */
    private Node restoreLink() {
        Label already = new Label("Already have a Keyshard backup?");
        already.getStyleClass().add(Styles.TEXT_MUTED);
        Button restore = new Button("Restore from a backup…", new FontIcon(MaterialDesignB.BACKUP_RESTORE));
        restore.setId("restore-instead");
        restore.getStyleClass().add(Styles.FLAT);
        restore.setOnAction(e -> model.showRestore(true));
        // one above the other: side by side they do not fit the card's width, and both were cut short
        already.setWrapText(true);
        restore.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(2, already, restore);
    }

    private Node unlockForm(Path home) {
        password.setId("password");
        password.setPromptText("Vault password");
        Button unlock = new Button("Unlock", new FontIcon(MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE));
        unlock.setId("unlock");
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.setDefaultButton(true);
        unlock.disableProperty()
                .bind(model.busyProperty().or(model.waitSecondsProperty().greaterThan(0)));
        unlock.setOnAction(e -> model.unlock(FormDialog.take(password)));

        Label wait = new Label();
        wait.setId("wait-label");
        wait.getStyleClass().add(Styles.TEXT_BOLD);
        wait.setWrapText(true);
        wait.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "Wait " + model.waitSecondsProperty().get() + " s before the next try.",
                        model.waitSecondsProperty()));
        show(wait, model.waitSecondsProperty().greaterThan(0));

        Label where = paragraph("Enter your vault password to see your keys. Vault folder: " + home.resolve("vault"));
        where.setId("unlock-where");
        Label forgot = paragraph("Forgot it? The password cannot be reset. Your keyIds can be restored from a "
                + "backup into a new vault: start Keyshard with another home folder (KEYSHARD_HOME) and choose "
                + "Restore from a backup, or use keyshard vault import.");
        forgot.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return new VBox(
                12,
                header("Unlock Keyshard"),
                where,
                fieldLabel("Password", password),
                password,
                errorLabel(),
                wait,
                busyRow("Unlocking…"),
                unlock,
                forgot);
    }

    /** Shown after unlocking a vault older than its newest automatic backup: restore its missing keys, or go on. */
    private Node rollbackForm() {
        Label what = paragraph("");
        what.setId("rollback-message");
        what.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.rollbackProperty().get() == null
                                ? ""
                                : "This vault is older than its newest automatic backup: it was put back from an "
                                        + "earlier copy. "
                                        + missing(model.rollbackProperty().get())
                                        + " Their shares are still on the servers.",
                        model.rollbackProperty()));
        Button restore =
                new Button("Restore the missing keys", new FontIcon(MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE));
        restore.setId("restore-rollback");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.setDefaultButton(true);
        restore.disableProperty().bind(model.busyProperty());
        restore.setOnAction(e -> model.restoreAndContinue());
        Button skip = new Button("Continue without them");
        skip.setId("skip-rollback");
        skip.disableProperty().bind(model.busyProperty());
        skip.setOnAction(e -> model.continueWithoutRestore());
        Label cli = paragraph("");
        cli.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        cli.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.rollbackProperty().get() == null
                                ? ""
                                : "From the command line: "
                                        + model.rollbackProperty().get().restoreCommand(),
                        model.rollbackProperty()));
        return new VBox(
                12,
                header("Keys missing from the vault"),
                what,
                errorLabel(),
                busyRow("Restoring…"),
                new HBox(10, restore, skip),
                cli);
    }

    private static String missing(VaultRollback w) {
        return w.missingKeys() < 0
                ? "It may lack keys made since; the newest backup was sealed under a later password."
                : w.missingKeys() + (w.missingKeys() == 1 ? " key" : " keys") + " in the newest automatic backup "
                        + (w.missingKeys() == 1 ? "is" : "are") + " missing from it.";
    }

    private Node header(String title) {
        ImageView mark = new ImageView(AppIcons.image(64));
        mark.setFitWidth(40);
        mark.setFitHeight(40);
        Label heading = new Label(title);
        heading.setId("unlock-title");
        heading.getStyleClass().add(Styles.TITLE_2);
        HBox row = new HBox(12, mark, heading);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Label errorLabel() {
        Label error = new Label(null, new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.getStyleClass().addAll("unlock-error", Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        show(error, model.errorProperty().isNotEmpty());
        return error;
    }

    private Node busyRow(String text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label label = new Label(text);
        HBox row = new HBox(8, spinner, label);
        row.getStyleClass().add("unlock-busy");
        row.setAlignment(Pos.CENTER_LEFT);
        show(row, model.busyProperty());
        return row;
    }

    static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
