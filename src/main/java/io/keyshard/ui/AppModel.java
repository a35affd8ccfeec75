package io.keyshard.ui;

import io.keyshard.Home;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.keys.KeysViewModel;
import io.keyshard.ui.servers.LocalClusterControl;
import io.keyshard.ui.servers.ServersViewModel;
import io.keyshard.ui.settings.SettingsViewModel;
import io.keyshard.ui.shell.NavigationModel;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;

/** The view-models of one app window, created together so screens can share state (e.g. the theme). */
public final class AppModel {
    private final NavigationModel navigation = new NavigationModel();
    private final SettingsViewModel settings = new SettingsViewModel();
    private final KeysViewModel keys = new KeysViewModel();
    private final Path home;
    private final Supplier<Vault> vault;
    private final UiTasks tasks;
    private final LocalClusterControl cluster;
    private ServersViewModel servers;

    /** The app on the default home, with no vault open yet (screens needing one say so). */
    public AppModel() {
        this(Home.resolve(null), () -> {
            throw new IllegalStateException("the vault is locked: unlock it first");
        }, daemonPool());
    }

    /** The app on {@code home}, using the unlocked vault and a background executor for slow work. */
    public AppModel(Path home, Supplier<Vault> vault, Executor background) {
        this.home = home;
        this.vault = vault;
        this.tasks = new UiTasks(background, Platform::runLater);
        this.cluster = new LocalClusterControl(home);
    }

    private static Executor daemonPool() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "keyshard-ui-background");
            t.setDaemon(true);
            return t;
        });
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

    public Path home() {
        return home;
    }

    public Supplier<Vault> vault() {
        return vault;
    }

    /** Background work with results handed to the FX thread. */
    public UiTasks tasks() {
        return tasks;
    }

    /** The embedded local cluster as the app controls it; close on exit to stop the nodes it started. */
    public LocalClusterControl cluster() {
        return cluster;
    }

    /** The Servers screen's model, made on first use. */
    public ServersViewModel servers() {
        if (servers == null) {
            servers = new ServersViewModel(vault, home, cluster, tasks);
        }
        return servers;
    }
}
