package io.keyshard.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavigationModelTest {

    @Test
    void startsOnKeysAndReportsEveryChange() {
        NavigationModel nav = new NavigationModel();
        assertEquals(Place.KEYS, nav.current());
        List<Place> seen = new ArrayList<>();
        nav.currentProperty().addListener((obs, old, now) -> seen.add(now));
        nav.select(Place.SETTINGS);
        nav.select(Place.SERVERS);
        assertEquals(List.of(Place.SETTINGS, Place.SERVERS), seen);
    }

    @Test
    void shortcutDigitsFollowTheNavigationOrder() {
        NavigationModel nav = new NavigationModel();
        assertTrue(nav.selectByShortcut(2));
        assertEquals(Place.SERVERS, nav.current());
        assertTrue(nav.selectByShortcut(3));
        assertEquals(Place.SETTINGS, nav.current());
        assertTrue(nav.selectByShortcut(1));
        assertEquals(Place.KEYS, nav.current());
        for (Place place : Place.values()) {
            assertEquals(
                    place,
                    NavigationModel.placeForShortcut(place.shortcutDigit()).orElseThrow());
        }
    }

    @Test
    void unknownShortcutDigitChangesNothing() {
        NavigationModel nav = new NavigationModel();
        nav.select(Place.SERVERS);
        assertFalse(nav.selectByShortcut(0));
        assertFalse(nav.selectByShortcut(Place.values().length + 1));
        assertFalse(nav.selectByShortcut(-1));
        assertEquals(Place.SERVERS, nav.current());
    }

    @Test
    void nextAndPreviousWrapAround() {
        NavigationModel nav = new NavigationModel();
        nav.previous();
        assertEquals(Place.SETTINGS, nav.current());
        nav.next();
        assertEquals(Place.KEYS, nav.current());
        nav.next();
        assertEquals(Place.SERVERS, nav.current());
    }

    @Test
    void refusesNoPlace() {
        NavigationModel nav = new NavigationModel();
        assertThrows(NullPointerException.class, () -> nav.select(null));
        assertEquals(Place.KEYS, nav.current());
    }
}
