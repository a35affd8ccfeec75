package io.keyshard.ui.shell;

import io.keyshard.Version;
import io.keyshard.ui.AppIcons;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The left navigation: the app's mark, one button per place, and the version. Up/Down move
 * between places; the selection always mirrors the {@link NavigationModel}.
 */
public final class NavigationBar extends VBox {
    private final Map<Place, ToggleButton> buttons = new EnumMap<>(Place.class);

    public NavigationBar(NavigationModel navigation) {
        getStyleClass().add("nav-bar");
        setId("nav-bar");
        getChildren().add(brand());

        ToggleGroup group = new ToggleGroup();
        for (Place place : Place.values()) {
            ToggleButton button = new ToggleButton(place.title(), new FontIcon(place.icon()));
            button.setId("nav-" + place.id());
            button.getStyleClass().add("nav-item");
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setTooltip(
                    new Tooltip(place.title() + " (" + Shortcuts.forPlace(place).getDisplayText() + ")"));
            // A toggle group lets a click deselect; a place stays chosen until another is picked.
            button.setOnAction(e -> {
                navigation.select(place);
                button.setSelected(true);
            });
            buttons.put(place, button);
            getChildren().add(button);
        }

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label version = new Label("Version " + Version.get());
        version.getStyleClass().add("nav-footer");
        getChildren().addAll(spacer, version);

        navigation.currentProperty().addListener((obs, old, place) -> {
            ToggleButton button = buttons.get(place);
            button.setSelected(true);
            // Keyboard focus follows the place, so focus and selection never point at two items.
            if (buttons.values().stream().anyMatch(ToggleButton::isFocused)) {
                button.requestFocus();
            }
        });
        buttons.get(navigation.current()).setSelected(true);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                if (e.getCode() == KeyCode.DOWN) {
                    navigation.next();
                } else {
                    navigation.previous();
                }
                e.consume();
            }
        });
    }

    /** The navigation button of a place (tests and focus handling use it). */
    public ToggleButton button(Place place) {
        return buttons.get(place);
    }

    private static HBox brand() {
        ImageView mark = new ImageView(AppIcons.image(64)); // drawn at 28 px: sharp at 200% scale too
        mark.setFitWidth(28);
        mark.setFitHeight(28);
        mark.setSmooth(true);
        Label name = new Label("Keyshard");
        name.getStyleClass().add("brand-name");
        HBox brand = new HBox(10, mark, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("brand");
        return brand;
    }
}
