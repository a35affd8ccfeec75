package io.keyshard.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window-wide keyboard shortcuts: Ctrl+1..3 (Cmd on macOS) jump to a place. */
public final class Shortcuts {
    private Shortcuts() {}

    /** The shortcut that opens this place. */
    public static KeyCombination forPlace(Place place) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + place.shortcutDigit()), KeyCombination.SHORTCUT_DOWN);
    }

    /**
     * Registers every place's shortcut on the scene, routed through the navigation model; they
     * do nothing while {@code enabled} is false (e.g. while the unlock screen covers the frame).
     */
    public static void install(Scene scene, NavigationModel navigation, ObservableBooleanValue enabled) {
        for (Place place : Place.values()) {
            scene.getAccelerators().put(forPlace(place), () -> {
                if (enabled.get()) {
                    navigation.select(place);
                }
            });
        }
    }
}
