package io.keyshard.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.ui.Theme;
import io.keyshard.ui.settings.SettingsViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {
    @TempDir
    Path home;

    @Test
    void aFreshHomeHasTheDefaults() {
        assertEquals(AppSettings.DEFAULTS, AppSettings.load(home));
    }

    @Test
    void settingsChangedOnTheSettingsScreenSurviveARestart() throws Exception {
        SettingsViewModel screen = new SettingsViewModel(AppSettings.load(home));
        screen.setOnChange(s -> {
            try {
                s.save(home);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        screen.themeProperty().set(Theme.DARK);
        screen.autoLockMinutesProperty().set(3);
        screen.clearClipboardProperty().set(false);

        SettingsViewModel next = new SettingsViewModel(AppSettings.load(home));
        assertEquals(Theme.DARK, next.theme());
        assertEquals(3, next.autoLockMinutesProperty().get());
        assertEquals(Duration.ofMinutes(3), next.autoLockAfter());
        assertEquals(false, next.clearClipboardProperty().get());

        next.setOnChange(s -> {
            try {
                s.save(home);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        next.neverLockProperty().set(true);
        AppSettings stored = AppSettings.load(home);
        assertEquals(0, stored.autoLockMinutes(), "never is stored as 0");
        assertEquals(null, new SettingsViewModel(stored).autoLockAfter());
    }

    @Test
    void aDamagedFileGivesDefaultsInsteadOfStoppingTheApp() throws Exception {
        Files.writeString(home.resolve(AppSettings.FILE), "{ not json");
        assertEquals(AppSettings.DEFAULTS, AppSettings.load(home));
        Files.writeString(
                home.resolve(AppSettings.FILE),
                "{\"theme\":\"DARK\",\"autoLockMinutes\":99999,\"clearClipboard\":\"yes\"}");
        assertEquals(new AppSettings(Theme.DARK, AppSettings.DEFAULTS.autoLockMinutes(), true), AppSettings.load(home));
    }

    @Test
    void outOfRangeValuesAreRefusedOrClamped() {
        assertThrows(IllegalArgumentException.class, () -> new AppSettings(Theme.LIGHT, 121, true));
        assertThrows(IllegalArgumentException.class, () -> new AppSettings(Theme.LIGHT, -1, true));
        SettingsViewModel screen = new SettingsViewModel();
        screen.autoLockMinutesProperty().set(500);
        assertEquals(
                AppSettings.MAX_AUTO_LOCK_MINUTES,
                screen.autoLockMinutesProperty().get());
        screen.autoLockMinutesProperty().set(0);
        assertEquals(1, screen.autoLockMinutesProperty().get());
    }
}
