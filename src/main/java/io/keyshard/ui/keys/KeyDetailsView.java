package io.keyshard.ui.keys;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.common.SigningLine;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.collections.SetChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The selected key in full: identity, status with what to do, public values with copy, servers, backup. */
final class KeyDetailsView extends ScrollPane {
    private final KeysViewModel model;
    private final VBox body = new VBox(14);
    private final VBox left = new VBox(14);
    private final VBox right = new VBox(14);
    private final SigningHistoryView history;
    private final VBox signing;

    KeyDetailsView(KeysViewModel model) {
        this.model = model;
        this.history = new SigningHistoryView(model.history(), model::copy);
        Label signingHeading = new Label("Signing");
        signingHeading.getStyleClass().add(Styles.TEXT_BOLD);
        this.signing =
                new VBox(4, signingHeading, new SigningLine(model.signing().readinessProperty()));
        signing.setId("details-signing");
        setId("key-details");
        getStyleClass().add("key-details");
        setFitToWidth(true);
        body.getStyleClass().add("key-details-body");
        body.setPadding(new Insets(16));
        setContent(body);
        model.selectedProperty().addListener((obs, old, key) -> {
            render(key);
            // another key opens at its top (its name and actions); the same key, stored again, keeps its place
            if (old == null || key == null || !old.keyId().equals(key.keyId())) {
                setVvalue(0);
            }
        });
        model.backupsProperty()
                .addListener((obs, old, b) -> render(model.selectedProperty().get()));
        model.showAddressesActionProperty()
                .addListener((obs, old, a) -> render(model.selectedProperty().get()));
        model.signActionProperty()
                .addListener((obs, old, a) -> render(model.selectedProperty().get()));
        model.newKeyActionProperty()
                .addListener((obs, old, a) -> render(model.selectedProperty().get()));
        model.shelf().archived().addListener((SetChangeListener<UUID>)
                c -> render(model.selectedProperty().get()));
        render(model.selectedProperty().get());
    }

    private void render(KeyRecord key) {
        body.getChildren().clear();
        if (key == null) {
            Label none = new Label("Select a key in the list to see its keyId, public key, servers and backup.");
            none.setId("key-details-none");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            body.getChildren().add(none);
            return;
        }
        Node title = titleRow(key);
        HBox columns = new HBox(28, left, right);
        for (VBox column : List.of(left, right)) {
            column.getChildren().clear();
            column.setPrefWidth(0); // equal halves
            HBox.setHgrow(column, Priority.ALWAYS);
        }
        body.getChildren().addAll(title, statusBox(key), columns);
        if (key.status() == KeyStatus.READY) {
            body.getChildren().add(history);
        }

        left.getChildren().add(value("keyId", key.keyId().toString(), "copy-key-id", KeyTexts.keyIdHelp(key)));
        if (key.rootPublicKey() != null) {
            left.getChildren().add(value("Root public key", key.rootPublicKey(), "copy-root-key", null));
        }
        if (key.chainCode() != null) {
            left.getChildren()
                    .add(value(
                            "Chain code",
                            key.chainCode(),
                            "copy-chain-code",
                            "Public; with the root public key it derives every address of this key."));
        }
        right.getChildren()
                .add(fact(
                        "Curve and derivation",
                        key.curve().apiName() + " · " + KeyTexts.scheme(key.derivationScheme()),
                        "details-curve"));
        if (key.status() == KeyStatus.READY) {
            right.getChildren().add(signing);
        }
        right.getChildren().add(servers(key));
        right.getChildren().add(fact("Created", KeyTexts.longDate(key.createdAt()), "details-created"));
        left.getChildren()
                .add(fact("Backup", KeyTexts.backup(key, model.backupsProperty().get()), "details-backup"));
    }

    /** The label as the title, with Rename: an inline field (Enter saves, Escape cancels). */
    private Node titleRow(KeyRecord key) {
        Label title = new Label(key.displayLabel());
        title.setId("details-label");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Button rename = new Button(null, new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        rename.setId("rename-key");
        rename.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        rename.setTooltip(new Tooltip("Rename (the keyId and the shares do not change)"));
        rename.setAccessibleText("Rename");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, title, rename, gap, archiveButton(key), deleteButton(key));
        row.setAlignment(Pos.CENTER_LEFT);
        rename.setOnAction(e -> {
            TextField field = new TextField(key.label());
            field.setId("rename-field");
            field.setPromptText("Label (optional)");
            HBox.setHgrow(field, Priority.ALWAYS);
            Label problem = new Label();
            problem.setId("rename-problem");
            problem.getStyleClass().add(Styles.DANGER);
            field.setOnAction(a -> model.relabel(field.getText()).thenAccept(p -> {
                if (p != null) {
                    problem.setText(p);
                }
            }));
            field.setOnKeyPressed(k -> {
                if (k.getCode() == KeyCode.ESCAPE) {
                    k.consume();
                    render(model.selectedProperty().get());
                }
            });
            Button save = new Button("Save");
            save.setId("rename-save");
            save.setOnAction(a -> field.fireEvent(new ActionEvent()));
            row.getChildren().setAll(field, save, problem);
            field.requestFocus();
            field.selectAll();
        });
        return row;
    }

    /** Archive (hide from the list, keep in the vault) or, for an archived key, Unarchive. */
    private Button archiveButton(KeyRecord key) {
        boolean archived = model.shelf().isArchived(key);
        Button b = new Button(
                archived ? "Unarchive" : "Archive",
                new FontIcon(archived ? MaterialDesignA.ARCHIVE_ARROW_UP_OUTLINE : MaterialDesignA.ARCHIVE_OUTLINE));
        b.setId(archived ? "unarchive-key" : "archive-key");
        b.setTooltip(new Tooltip(
                archived
                        ? "Show this key in the list again"
                        : "Hide this key from the list; the vault keeps it and its keyId"));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> (archived
                        ? model.shelf().unarchive(key)
                        : model.shelf().archive(key))
                .thenAccept(problem -> {
                    if (problem != null) {
                        model.noticeProperty().set(problem);
                    }
                }));
        return b;
    }

    private Button deleteButton(KeyRecord key) {
        Button b = new Button("Delete…", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        b.setId("delete-key");
        b.getStyleClass().add(Styles.DANGER);
        b.setTooltip(new Tooltip("Remove this key's keyId from the vault (asks first)"));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> DeleteKeyDialog.show(getScene().getWindow(), key, model.shelf()));
        return b;
    }

    private Node statusBox(KeyRecord key) {
        Label text = new Label(
                model.shelf().isArchived(key)
                        ? "Archived: hidden from the list, kept in the vault. " + KeyTexts.statusExplanation(key)
                        : KeyTexts.statusExplanation(key));
        text.setId("details-status");
        text.setWrapText(true);
        HBox actions = new HBox(8);
        if (model.canUseSelected()) {
            actions.getChildren()
                    .add(button(
                            "Show addresses",
                            "show-addresses",
                            new FontIcon(MaterialDesignM.MAP_MARKER_PATH),
                            model::showAddresses));
            if (model.signActionProperty().get() != null) {
                actions.getChildren()
                        .add(button(
                                "Sign…",
                                "sign-with-key",
                                new FontIcon(MaterialDesignS.SIGNATURE_FREEHAND),
                                model::sign));
            }
        }
        if (key.status() == KeyStatus.PENDING) {
            actions.getChildren()
                    .add(button(
                            "Resolve now",
                            "resolve-now",
                            new FontIcon(MaterialDesignR.REFRESH),
                            model::resolvePending));
        }
        if (key.status() == KeyStatus.FAILED && model.newKeyAvailableProperty().get()) {
            actions.getChildren()
                    .add(button("Create it again", "retry-key", new FontIcon(MaterialDesignK.KEY_PLUS), model::newKey));
        }
        VBox box = new VBox(8, text);
        if (!actions.getChildren().isEmpty()) {
            box.getChildren().add(actions);
        }
        box.getStyleClass().addAll("status-box", "status-" + key.status().name().toLowerCase(Locale.ROOT));
        return box;
    }

    private Node value(String name, String value, String copyId, String help) {
        Label heading = new Label(name);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = new Label(value);
        text.setId(copyId.replace("copy-", "details-"));
        text.getStyleClass().add("mono-value");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button copy = CopyIcon.of(copyId, "Copy " + name, "Copy " + name, () -> model.copy(value, name));
        HBox row = new HBox(8, text, copy);
        row.setAlignment(Pos.TOP_LEFT);
        VBox box = new VBox(4, heading, row);
        if (help != null) {
            Label helpLabel = new Label(help);
            helpLabel.setWrapText(true);
            helpLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box.getChildren().add(helpLabel);
        }
        return box;
    }

    private Node servers(KeyRecord key) {
        Label heading = new Label("Servers · " + KeyTexts.tOfN(key));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(4, heading, muted(KeyTexts.thresholdSentence(key)));
        for (String server : key.servers()) {
            String share = key.verificationShares().get(server);
            Label name = new Label(server);
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label value = new Label(
                    share != null
                            ? share
                            : key.status() == KeyStatus.FAILED
                                    ? "no verification share (the key was not made)"
                                    : "verification share not confirmed yet");
            value.getStyleClass().add(share == null ? Styles.TEXT_MUTED : "mono-value");
            value.setWrapText(true);
            box.getChildren().add(new VBox(1, name, value));
        }
        if (!key.verificationShares().isEmpty()) {
            box.getChildren()
                    .add(muted("A verification share is the public part of a server's share: it lets "
                            + "anyone check that server's work, and reveals nothing secret."));
        }
        box.setId("details-servers");
        return box;
    }

    /** A bold heading over a wrapped value; the value label gets {@code id} when one is given. */
    private static Node fact(String name, String value, String id) {
        Label heading = new Label(name);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = new Label(value);
        text.setWrapText(true);
        text.setId(id);
        return new VBox(4, heading, text);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private static Button button(String text, String id, FontIcon icon, Runnable action) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
