package io.keyshard.ui.settings;

import io.keyshard.ui.Theme;
import io.keyshard.ui.session.AppSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The user's settings as the Settings place edits them: theme, auto-lock (minutes or never) and
 * clipboard clearing. Every change is handed to {@link #setOnChange} (the app saves it to
 * settings.json) and applied at once by whoever listens to the properties.
 */
public final class SettingsViewModel {
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT) {
        @Override
        public void set(Theme value) {
            super.set(Objects.requireNonNull(value, "theme"));
        }
    };
    private final IntegerProperty autoLockMinutes = new SimpleIntegerProperty(this, "autoLockMinutes") {
        @Override
        public void set(int value) {
            super.set(Math.max(1, Math.min(AppSettings.MAX_AUTO_LOCK_MINUTES, value)));
        }
    };
    private final BooleanProperty neverLock = new SimpleBooleanProperty(this, "neverLock");
    private final BooleanProperty clearClipboard = new SimpleBooleanProperty(this, "clearClipboard");
    private final StringProperty saveProblem = new SimpleStringProperty(this, "saveProblem", "");
    private Consumer<AppSettings> onChange = s -> {};

    /** Settings at their defaults. */
    public SettingsViewModel() {
        this(AppSettings.DEFAULTS);
    }

    public SettingsViewModel(AppSettings initial) {
        theme.set(initial.theme());
        neverLock.set(initial.autoLockMinutes() == 0);
        autoLockMinutes.set(
                initial.autoLockMinutes() == 0 ? AppSettings.DEFAULTS.autoLockMinutes() : initial.autoLockMinutes());
        clearClipboard.set(initial.clearClipboard());
        for (Observable o : new Observable[] {theme, autoLockMinutes, neverLock, clearClipboard}) {
            o.addListener(x -> onChange.accept(settings()));
        }
    }

    /** Receives the settings after every change (the app writes them to settings.json). */
    public void setOnChange(Consumer<AppSettings> onChange) {
        this.onChange = Objects.requireNonNull(onChange);
    }

    /** The settings as they stand, as stored. */
    public AppSettings settings() {
        return new AppSettings(theme.get(), neverLock.get() ? 0 : autoLockMinutes.get(), clearClipboard.get());
    }

    /** Idle time before the vault locks itself; null when it never does. */
    public Duration autoLockAfter() {
        return neverLock.get() ? null : Duration.ofMinutes(autoLockMinutes.get());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    /** Switches between light and dark. */
    public void toggleTheme() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    /** Idle minutes before auto-lock, 1 to 120 (values outside are clamped). */
    public IntegerProperty autoLockMinutesProperty() {
        return autoLockMinutes;
    }

    /** True when the vault should never lock by itself. */
    public BooleanProperty neverLockProperty() {
        return neverLock;
    }

    /** Whether copied values leave the clipboard after 30 s. */
    public BooleanProperty clearClipboardProperty() {
        return clearClipboard;
    }

    /** Why the settings could not be saved, or empty. */
    public StringProperty saveProblemProperty() {
        return saveProblem;
    }
}
