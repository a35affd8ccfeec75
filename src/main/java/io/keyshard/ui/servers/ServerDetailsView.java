package io.keyshard.ui.servers;

import atlantafx.base.theme.Styles;
import io.keyshard.client.LocalServerLog;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.ValueCopier;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;

/** The pane under the Servers table: the picked server's {@link ServerDetails}, or a hint to pick one. */
final class ServerDetailsView extends VBox {
    static final String HINT = "Pick a server to see its address, its certificate, the keys that hold a share on it "
            + "and, for a server on this computer, the end of its log.";

    private final ValueCopier copier;
    private final Consumer<String> backUp;

    /** @param backUp opens the backup of one local server by its name; null offers none */
    ServerDetailsView(ServersViewModel model, ValueCopier copier, Consumer<String> backUp) {
        super(12);
        this.copier = copier;
        this.backUp = backUp;
        setId("server-details");
        setPadding(new Insets(14, 16, 14, 16));
        getStyleClass().add("server-details");
        setMinHeight(Region.USE_PREF_SIZE);
        model.detailsProperty().addListener((obs, old, d) -> render(d));
        render(model.detailsProperty().get());
    }

    private void render(ServerDetails d) {
        if (d == null) {
            Label hint = muted(HINT);
            hint.setId("server-details-hint");
            getChildren().setAll(hint);
            return;
        }
        Label title = new Label(d.name());
        title.getStyleClass().add(Styles.TITLE_4);
        Label where = muted(d.where());
        HBox head = new HBox(12, title, where);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label state = wrapped(d.state());
        state.setId("server-details-state");
        getChildren().setAll(head, state);
        if (d.url() != null) {
            getChildren().add(copyable("Address", "address", d.url(), "server-details-url", null));
        }
        if (d.certSha256() != null) {
            getChildren()
                    .add(copyable(
                            "Certificate (SHA-256)",
                            "certificate fingerprint",
                            d.certSha256(),
                            "server-details-cert",
                            "The certificate this computer pinned for " + d.name() + ": a server that shows "
                                    + "another is refused, whatever its address."));
        }
        getChildren().add(keys(d));
        if (d.log() != null) {
            getChildren().add(copyable("Folder", "folder", d.log().folder().toString(), "server-details-folder", null));
            if (backUp != null) {
                getChildren().add(backUpRow(d.name()));
            }
            getChildren().add(log(d.log()));
        }
    }

    private Node keys(ServerDetails d) {
        VBox box = new VBox(4, heading("Keys"));
        Label summary = wrapped(d.keysSummary());
        summary.setId("server-details-keys");
        box.getChildren().add(summary);
        for (ServerDetails.KeyUse use : d.listedKeys()) {
            Label name = new Label(use.key());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label line = muted(use.line());
            if (!use.signsWithout()) {
                line.getStyleClass().add(Styles.WARNING);
            }
            box.getChildren().add(new VBox(1, name, line));
        }
        if (d.keysNotListed() > 0) {
            box.getChildren().add(muted("… and " + d.keysNotListed() + " more: the sentence above counts them all."));
        }
        return box;
    }

    /** One server's backup, so that its file can have a password and a place of its own. */
    private Node backUpRow(String name) {
        Button button = new Button("Back up " + name + "…", new FontIcon(MaterialDesignB.BACKUP_RESTORE));
        button.setId("server-details-backup");
        button.setMnemonicParsing(false); // the underscore of OFFICIAL_2 is part of the name
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> backUp.accept(name));
        Label why = muted("Its shares in a file of its own, sealed with a password of its own: kept apart from the "
                + "other servers' files, no single place holds enough of a key to sign.");
        HBox.setHgrow(why, Priority.ALWAYS);
        HBox row = new HBox(12, why, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, heading("Backup"), row);
    }

    private Node log(LocalServerLog log) {
        String title = "Log (the last " + LocalServerLog.LINES + " lines of "
                + log.log().getFileName() + ")";
        VBox box = new VBox(4, heading(title));
        if (log.problem() != null) {
            box.getChildren().add(wrapped(log.problem()));
        } else if (log.lastLines().isEmpty()) {
            box.getChildren().add(muted("The log is empty: the server has not run yet."));
        } else {
            TextArea text = new TextArea(String.join("\n", log.lastLines()));
            text.setId("server-details-log");
            text.setEditable(false);
            text.setWrapText(false);
            text.setPrefRowCount(Math.min(10, log.lastLines().size()));
            text.getStyleClass().add("mono-value");
            // the newest lines are what explain a failure: show the end
            text.positionCaret(text.getLength());
            text.setScrollTop(Double.MAX_VALUE);
            box.getChildren().add(text);
        }
        box.getChildren().add(muted("The log file: " + log.log()));
        return box;
    }

    private Node copyable(String name, String what, String value, String id, String help) {
        Label text = new Label(value);
        text.setId(id);
        text.getStyleClass().add("mono-value");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text, new CopyButton(what, () -> value, copier));
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, heading(name), row);
        if (help != null) {
            box.getChildren().add(muted(help));
        }
        return box;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapped(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }
}
