package io.keyshard.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The unlocked main frame: navigation on the left, the current place's screen in the content
 * area. Each place's screen is built on first visit from the supplier given for it, then kept.
 */
public final class MainView extends BorderPane {
    private final Map<Place, Supplier<Node>> factories;
    private final Map<Place, Node> built = new EnumMap<>(Place.class);
    private final StackPane content = new StackPane();
    private final NavigationBar navigationBar;

    public MainView(NavigationModel navigation, Map<Place, Supplier<Node>> screens) {
        for (Place place : Place.values()) {
            Objects.requireNonNull(screens.get(place), () -> "no screen for " + place);
        }
        this.factories = new EnumMap<>(screens);
        getStyleClass().add("main-view");
        navigationBar = new NavigationBar(navigation);
        content.setId("content");
        content.getStyleClass().add("content");
        setLeft(navigationBar);
        setCenter(content);
        navigation.currentProperty().addListener((obs, old, place) -> show(place));
        show(navigation.current());
    }

    public NavigationBar navigationBar() {
        return navigationBar;
    }

    /** The content area, holding the current place's screen. */
    public StackPane content() {
        return content;
    }

    private void show(Place place) {
        Node screen = built.computeIfAbsent(place, p -> factories.get(p).get());
        screen.getProperties().put(Place.class, place); // lets tests and later screens ask what is showing
        content.getChildren().setAll(screen);
    }
}
