package io.keyshard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.ui.Theme;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {

    @Test
    void startsLightAndTogglesBetweenTheTwoThemes() {
        SettingsViewModel settings = new SettingsViewModel();
        assertEquals(Theme.LIGHT, settings.theme());
        settings.toggleTheme();
        assertEquals(Theme.DARK, settings.theme());
        settings.toggleTheme();
        assertEquals(Theme.LIGHT, settings.theme());
    }

    @Test
    void aThemeIsAlwaysChosen() {
        SettingsViewModel settings = new SettingsViewModel();
        settings.themeProperty().set(Theme.DARK);
        assertThrows(NullPointerException.class, () -> settings.themeProperty().set(null));
        assertEquals(Theme.DARK, settings.theme());
    }

    @Test
    void eachThemeHasItsOwnStylesheet() {
        assertNotEquals(Theme.LIGHT.userAgentStylesheet(), Theme.DARK.userAgentStylesheet());
        for (Theme theme : Theme.values()) {
            assertNotNull(
                    Theme.class.getResource(theme.userAgentStylesheet()), theme + " stylesheet on the class path");
        }
    }
}
