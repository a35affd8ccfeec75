package io.keyshard.ui;

import io.keyshard.ui.keys.KeysViewModel;
import io.keyshard.ui.settings.SettingsViewModel;
import io.keyshard.ui.shell.NavigationModel;

/** The view-models of one app window, created together so screens can share state (e.g. the theme). */
public final class AppModel {
    private final NavigationModel navigation = new NavigationModel();
    private final SettingsViewModel settings = new SettingsViewModel();
    private final KeysViewModel keys = new KeysViewModel();

    public NavigationModel navigation() {
        return navigation;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public KeysViewModel keys() {
        return keys;
    }
}
