package io.keyshard.ui.settings;

import io.keyshard.ui.Theme;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The user's settings as the Settings place edits them; the window applies each change at once. */
public final class SettingsViewModel {
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT) {
        @Override
        public void set(Theme value) {
            super.set(Objects.requireNonNull(value, "theme"));
        }
    };

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
}
