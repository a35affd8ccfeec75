package io.keyshard.ui.shell;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Which place the main window shows; the navigation bar and the keyboard shortcuts both go through it. */
public final class NavigationModel {
    private final ReadOnlyObjectWrapper<Place> current = new ReadOnlyObjectWrapper<>(this, "current", Place.KEYS);

    public ReadOnlyObjectProperty<Place> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Place current() {
        return current.get();
    }

    public void select(Place place) {
        current.set(Objects.requireNonNull(place, "place"));
    }

    /** Goes to the place with this shortcut digit (1-based); false, and no change, when there is none. */
    public boolean selectByShortcut(int digit) {
        Optional<Place> place = placeForShortcut(digit);
        place.ifPresent(this::select);
        return place.isPresent();
    }

    /** Moves to the next place, wrapping from the last to the first. */
    public void next() {
        step(1);
    }

    /** Moves to the previous place, wrapping from the first to the last. */
    public void previous() {
        step(-1);
    }

    static Optional<Place> placeForShortcut(int digit) {
        Place[] places = Place.values();
        return digit >= 1 && digit <= places.length ? Optional.of(places[digit - 1]) : Optional.empty();
    }

    private void step(int delta) {
        Place[] places = Place.values();
        int n = places.length;
        select(places[((current().ordinal() + delta) % n + n) % n]);
    }
}
