package io.keyshard.ui.wizard;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.backup.BackupDialog;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.Fit;
import io.keyshard.ui.common.ProgressGridView;
import io.keyshard.ui.common.SigningLine;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.vault.KeyRecord;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignQ;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The wizard's last steps: the key generation running, the saved key, and a failure with Retry. */
final class RunSteps {
    private RunSteps() {}

    static Node generating(NewKeyViewModel model) {
        KeygenProgressModel run = model.generation();
        ProgressGridView grid = new ProgressGridView("progress-grid");
        model.stepProperty().addListener((obs, o, step) -> {
            if (step == NewKeyViewModel.Step.GENERATING) {
                grid.show(run.grid());
            }
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(run.runningProperty());
        Label status = new Label();
        status.setId("generation-status");
        status.textProperty().bind(run.statusProperty());
        HBox line = new HBox(10, spinner, status);
        line.setAlignment(Pos.CENTER_LEFT);
        Label legend = new Label("Each server proves who it is (identity), then all servers exchange three rounds of "
                + "commitments and encrypted shares, then confirm (commit). Cancel stops every server.");
        legend.setWrapText(true);
        legend.getStyleClass().add(Styles.TEXT_MUTED);
        return ChoiceSteps.page(
                "Generating the key", "The servers are creating the key together.", new VBox(16, line, grid, legend));
    }

    static Node saved(NewKeyViewModel model, ValueCopier copier) {
        KeygenProgressModel run = model.generation();
        Label keyId = new Label();
        keyId.setId("saved-key-id");
        keyId.getStyleClass().add("mono-value");
        keyId.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> run.resultProperty().get() == null
                                ? ""
                                : run.resultProperty().get().keyId().toString(),
                        run.resultProperty()));
        CopyButton copy = new CopyButton("key id", keyId::getText, copier);
        copy.setId("copy-key-id");
        HBox idRow = new HBox(10, new Label("Key ID"), keyId, copy);
        idRow.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            var r = run.resultProperty().get();
                            return r == null
                                    ? ""
                                    : r.curve().apiName() + ", " + r.threshold() + " of "
                                            + r.servers().size() + " (" + String.join(", ", r.servers())
                                            + "), root public key " + r.rootPublicKey();
                        },
                        run.resultProperty()));
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Label stored = new Label("The key is stored in your encrypted vault: its ID and public data here, its shares "
                + "on the servers. A backup of the vault keeps the list of your keys (their IDs), not the shares.");
        stored.setWrapText(true);
        Button export = new Button("Export a backup now", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        export.setId("export-backup");
        export.setOnAction(e -> BackupDialog.show(export.getScene().getWindow(), model.backup()));
        Button addresses = new Button("Show addresses", new FontIcon(MaterialDesignQ.QRCODE));
        addresses.setId("saved-show-addresses");
        addresses.visibleProperty().bind(model.showAddressesActionProperty().isNotNull());
        addresses.managedProperty().bind(addresses.visibleProperty());
        addresses.setOnAction(e -> {
            KeyRecord key = run.resultProperty().get();
            if (key != null && model.showAddressesActionProperty().get() != null) {
                addresses.getScene().getWindow().hide(); // the wizard is done; its modal frame would sit over them
                model.showAddressesActionProperty().get().accept(key);
            }
        });
        FontIcon ok = new FontIcon(MaterialDesignC.CHECK_DECAGRAM);
        ok.getStyleClass().addAll(Styles.SUCCESS, "saved-badge");
        Label time = new Label();
        time.setId("saved-status");
        time.setWrapText(true);
        time.textProperty().bind(run.statusProperty());
        time.getStyleClass().add(Styles.TEXT_MUTED);
        Label backupNote = new Label();
        backupNote.setId("backup-note");
        backupNote.textProperty().bind(model.backup().noteProperty());
        Fit.messageBeside(backupNote);
        Fit.wholeButtons(addresses, export);
        HBox exportRow = new HBox(12, addresses, export, backupNote);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        return ChoiceSteps.page(
                "Your key is ready",
                "Saved to the vault as READY.",
                new VBox(
                        14,
                        new HBox(10, ok, time),
                        SigningLine.steady(run.signingProperty()),
                        idRow,
                        summary,
                        stored,
                        exportRow));
    }

    static Node failed(NewKeyViewModel model) {
        KeygenProgressModel run = model.generation();
        Label what = new Label();
        what.setId("failure-message");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.DANGER);
        what.textProperty().bind(run.failureProperty());
        Label advice = new Label();
        advice.setWrapText(true);
        advice.setId("failure-advice");
        advice.textProperty().bind(run.failureAdviceProperty());
        Button retry = new Button("Retry", new FontIcon(MaterialDesignR.REFRESH));
        retry.setId("wizard-retry");
        retry.getStyleClass().addAll(Styles.ACCENT, "wizard-focus");
        retry.setOnAction(e -> model.retry());
        Button change = new Button("Choose other servers");
        change.setId("wizard-change-servers");
        change.setOnAction(e -> model.back());
        return ChoiceSteps.page(
                "The key was not created",
                "Nothing usable was made.",
                new VBox(14, what, advice, new HBox(10, retry, change)));
    }
}
