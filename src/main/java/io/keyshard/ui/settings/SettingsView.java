package io.keyshard.ui.settings;

import atlantafx.base.theme.Styles;
import io.keyshard.ui.Theme;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The Settings place: one card per group of settings, each row a label, a line of help and its control. */
public final class SettingsView extends ScrollPane {

    public SettingsView(SettingsViewModel model) {
        setId("settings-view");
        setFitToWidth(true);
        getStyleClass().add("settings-view");

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);

        VBox page = new VBox(20, title,
                section("Appearance", row("Theme", "Light or dark; the whole window changes at once.",
                        themeSwitch(model))),
                section("Security", note("Auto-lock after a few idle minutes and clearing copied keyIds and "
                        + "addresses from the clipboard will be set here once the encrypted vault is in place.")));
        page.getStyleClass().add("settings-page");
        setContent(page);
    }

    private static Node themeSwitch(SettingsViewModel model) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton light = themeButton(Theme.LIGHT, new FontIcon(MaterialDesignW.WHITE_BALANCE_SUNNY), group);
        ToggleButton dark = themeButton(Theme.DARK, new FontIcon(MaterialDesignW.WEATHER_NIGHT), group);
        light.getStyleClass().add(Styles.LEFT_PILL);
        dark.getStyleClass().add(Styles.RIGHT_PILL);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one theme is always chosen
            } else {
                model.themeProperty().set((Theme) now.getUserData());
            }
        });
        Runnable sync = () -> (model.theme() == Theme.LIGHT ? light : dark).setSelected(true);
        model.themeProperty().addListener((obs, old, now) -> sync.run());
        sync.run();
        return new HBox(light, dark);
    }

    private static ToggleButton themeButton(Theme theme, FontIcon icon, ToggleGroup group) {
        ToggleButton button = new ToggleButton(theme.displayName(), icon);
        button.setId("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
        button.setUserData(theme);
        button.setToggleGroup(group);
        return button;
    }

    private static VBox section(String heading, Node... rows) {
        Label label = new Label(heading);
        label.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(12, label);
        card.getChildren().addAll(rows);
        card.getStyleClass().add("settings-card");
        return card;
    }

    private static Node row(String name, String help, Node control) {
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add(Styles.TEXT_BOLD);
        Label helpLabel = new Label(help);
        helpLabel.getStyleClass().add(Styles.TEXT_MUTED);
        helpLabel.setWrapText(true);
        VBox text = new VBox(2, nameLabel, helpLabel);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(16, text, gap, control);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }
}
