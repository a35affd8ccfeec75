package io.keyshard.ui;

import io.keyshard.client.LocalClusterControl;
import io.keyshard.ui.keys.KeysViewModel;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.session.AppSettings;
import io.keyshard.ui.settings.SettingsViewModel;
import io.keyshard.ui.shell.NavigationModel;
import io.keyshard.ui.unlock.UnlockViewModel;
import io.keyshard.vault.KdfParams;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The view-models of one app window around one {@link AppSession}, created together so screens
 * share state: settings are saved to {@code <home>/settings.json} on every change and drive the
 * session's auto-lock; the keys reload whenever the session says keys changed.
 */
public final class AppModel {
    private final AppSession session;
    private final NavigationModel navigation = new NavigationModel();
    private final SettingsViewModel settings;
    private final KeysViewModel keys;
    private final UnlockViewModel unlock;

    public AppModel(AppSession session, SettingsViewModel settings) {
        this.session = session;
        this.settings = settings;
        this.keys = new KeysViewModel(session);
        this.unlock = new UnlockViewModel(session, Clock.systemUTC());
        session.autoLockAfterProperty().set(settings.autoLockAfter());
        settings.setOnChange(s -> {
            session.autoLockAfterProperty().set(settings.autoLockAfter());
            try {
                s.save(session.home());
                settings.saveProblemProperty().set("");
            } catch (IOException e) {
                settings.saveProblemProperty()
                        .set("The settings could not be saved in " + session.home() + " (" + e.getMessage()
                                + "); they apply until Keyshard closes.");
            }
        });
    }

    /** The app's model for {@code home}: saved settings, production Argon2id for a new vault. */
    public static AppModel forApp(Path home) {
        SettingsViewModel settings = new SettingsViewModel(AppSettings.load(home));
        AppSession session = AppSession.forApp(
                home,
                KdfParams.PRODUCTION,
                () -> settings.clearClipboardProperty().get());
        return new AppModel(session, settings);
    }

    public AppSession session() {
        return session;
    }

    public NavigationModel navigation() {
        return navigation;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public KeysViewModel keys() {
        return keys;
    }

    public UnlockViewModel unlock() {
        return unlock;
    }

    /** The embedded local cluster as this app controls it; closed on exit to stop the nodes the app started. */
    public LocalClusterControl cluster() {
        return session.cluster();
    }
}
