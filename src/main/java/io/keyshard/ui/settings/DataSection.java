package io.keyshard.ui.settings;

import io.keyshard.Version;
import io.keyshard.ui.common.CopyButton;
import io.keyshard.ui.common.ValueCopier;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Settings' "Your data" card: the folders where this computer keeps the vault, its automatic backups and
 * the local servers' shares, each with Copy, so a person knows what to back up or move, and the version.
 */
final class DataSection {
    private DataSection() {}

    static VBox of(Path home, ValueCopier copier) {
        return SettingsView.section(
                "Your data",
                folder(
                        "Home folder",
                        "Everything below is in this folder. Start Keyshard with KEYSHARD_HOME set to use another.",
                        home,
                        "data-home",
                        copier),
                folder(
                        "Vault",
                        "Your key records and signing history, sealed with your password.",
                        home.resolve("vault"),
                        "data-vault",
                        copier),
                folder(
                        "Automatic backups",
                        "After each new key, a backup of the vault sealed with its password; the newest ten are "
                                + "kept. Copy them to another disk too: they are lost with this one.",
                        home.resolve("backups"),
                        "data-backups",
                        copier),
                folder(
                        "Local servers",
                        "The folders of OFFICIAL_1..3 with the shares they keep (back them up above).",
                        home.resolve("nodes"),
                        "data-nodes",
                        copier),
                SettingsView.row("Version", "Keyshard " + Version.get() + " on Java " + Runtime.version() + ".", null));
    }

    private static Node folder(String name, String help, Path path, String id, ValueCopier copier) {
        Label value = new Label(path.toString());
        value.setId(id);
        value.getStyleClass().add("mono-value");
        value.setWrapText(true);
        return SettingsView.row(name, help, value, new CopyButton(what(name), path::toString, copier));
    }

    /** "Copy the vault folder", "Copy the home folder". */
    private static String what(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("folder") ? lower : lower + " folder";
    }
}
