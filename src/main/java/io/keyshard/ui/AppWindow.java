package io.keyshard.ui;

import io.keyshard.QuietLibraryLogs;
import io.keyshard.ui.backup.BackupDialog;
import io.keyshard.ui.backup.BackupViewModel;
import io.keyshard.ui.backup.ServerBackupViewModel;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.ui.common.ValueCopier;
import io.keyshard.ui.keys.KeysView;
import io.keyshard.ui.pipeline.PipelineView;
import io.keyshard.ui.servers.ServersView;
import io.keyshard.ui.servers.ServersViewModel;
import io.keyshard.ui.session.AppSession;
import io.keyshard.ui.session.IdleLock;
import io.keyshard.ui.session.LockedWindows;
import io.keyshard.ui.settings.PasswordChangeViewModel;
import io.keyshard.ui.settings.SettingsView;
import io.keyshard.ui.shell.AppRoot;
import io.keyshard.ui.shell.MainView;
import io.keyshard.ui.shell.Place;
import io.keyshard.ui.shell.Shortcuts;
import io.keyshard.ui.sign.SignService;
import io.keyshard.ui.sign.SignView;
import io.keyshard.ui.sign.SignViewModel;
import io.keyshard.ui.unlock.UnlockView;
import io.keyshard.ui.wizard.NewKeyViewModel;
import io.keyshard.ui.wizard.NewKeyWizard;
import io.keyshard.vault.KeyRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Keyshard's main window: builds the scene (frame, screens, unlock overlay, stylesheet, shortcuts,
 * auto-lock) from an {@link AppModel} and dresses a stage with it. The app and the UI tests both
 * go through here, so the tests see exactly the window a user gets. While the vault is locked the
 * unlock screen covers everything; Ctrl+L locks, Ctrl+N makes a new key, Ctrl+Q quits.
 */
public final class AppWindow {
    public static final String TITLE = "Keyshard";
    /** Locks the vault from anywhere in the window. */
    public static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    /** Opens the New key wizard from any screen of the unlocked window. */
    public static final KeyCombination NEW_KEY = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    /** Closes the window as its close button does: the vault locks and the local servers this app started stop. */
    public static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    static final double WIDTH = 1040;
    static final double HEIGHT = 680;

    private final AppModel model;
    private final AppRoot root;
    private final Scene scene;
    private final UnlockView unlockView;
    private final IdleLock idleLock;

    /** Builds the window's scene; call on the FX thread. */
    public AppWindow(AppModel model) {
        QuietLibraryLogs.apply(); // JavaFX's FINER traces print Labels with their text (keyIds)
        this.model = model;
        AppSession session = model.session();
        Map<Place, Supplier<Node>> screens = Map.of(
                Place.KEYS, () -> new KeysView(model.keys()),
                Place.SERVERS,
                        () -> new ServersView(
                                new ServersViewModel(
                                        session::workspace, new UiTasks(session.background(), session.fx())),
                                session.clipboard()::copy,
                                this::backUpServer),
                Place.SETTINGS, () -> settingsView(session));
        root = new AppRoot(new MainView(model.navigation(), screens));
        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(AppWindow.class.getResource("keyshard.css").toExternalForm());
        Shortcuts.install(
                scene, model.navigation(), root.overlayShowingProperty().not());
        scene.getAccelerators().put(LOCK, () -> {
            if (session.isUnlocked()) {
                session.lock();
            }
        });
        scene.getAccelerators().put(NEW_KEY, () -> {
            if (session.isUnlocked()
                    && !root.overlayShowingProperty().get()
                    && model.keys().newKeyAvailableProperty().get()) {
                model.navigation().select(Place.KEYS);
                model.keys().newKey();
            }
        });
        scene.getAccelerators().put(QUIT, this::quit);

        wireKeyActions(session);
        unlockView = new UnlockView(model.unlock(), session.home());
        session.vaultProperty().addListener((obs, old, vault) -> showLockState());
        showLockState();
        idleLock = IdleLock.install(scene, session);

        model.settings().themeProperty().addListener((obs, old, theme) -> theme.apply());
        model.settings().theme().apply();
    }

    /** The Servers screen's "Back up OFFICIAL_n…": that server's shares alone, with a password and place of their own. */
    private void backUpServer(String name) {
        AppSession session = model.session();
        BackupDialog.showServers(
                scene.getWindow(),
                new ServerBackupViewModel(
                        session.home(),
                        session.cluster(),
                        new UiTasks(session.background(), session.fx()),
                        List.of(name)));
    }

    private SettingsView settingsView(AppSession session) {
        UiTasks tasks = new UiTasks(session.background(), session.fx());
        BackupViewModel backup = new BackupViewModel(session::workspace, tasks);
        backup.setOnRestored(session::fireKeysChanged);
        return new SettingsView(
                model.settings(),
                session::lock,
                backup,
                new ServerBackupViewModel(session.home(), session.cluster(), tasks),
                new PasswordChangeViewModel(session::workspace, tasks),
                session.home(),
                session.clipboard()::copy);
    }

    /**
     * The Keys screen's New key (the wizard, as a dialog) and Show addresses (the pipeline with its Sign
     * stage, in its own window), unless the embedding code set its own hooks first (tests do).
     */
    private void wireKeyActions(AppSession session) {
        UiTasks tasks = new UiTasks(session.background(), session.fx());
        ValueCopier copier = session.clipboard()::copy;
        if (model.keys().newKeyActionProperty().get() == null) {
            model.keys().newKeyActionProperty().set(() -> {
                NewKeyViewModel wizard = new NewKeyViewModel(session.workspace(), tasks);
                wizard.setOnKeyCreated(record -> session.fireKeysChanged());
                wizard.showAddressesActionProperty().bind(model.keys().showAddressesActionProperty());
                NewKeyWizard.showDialog(scene.getWindow(), wizard, copier);
            });
        }
        if (model.keys().showAddressesActionProperty().get() == null) {
            model.keys().showAddressesActionProperty().set(record -> openAddresses(session, tasks, copier, record));
            model.keys()
                    .signActionProperty()
                    .set(record -> PipelineView.selectSignTab(openAddresses(session, tasks, copier, record)));
        }
    }

    /** The Addresses window of a READY key, its last tab the Sign stage. */
    private Stage openAddresses(AppSession session, UiTasks tasks, ValueCopier copier, KeyRecord record) {
        return PipelineView.showWindow(
                scene.getWindow(),
                record,
                session.workspace()::derive,
                tasks,
                copier,
                where -> new SignView(
                        new SignViewModel(where, SignService.of(session.workspace()), tasks, session::fireKeysChanged),
                        copier));
    }

    /** What the window's close button does: the close request (the app saves the window's place), then close. */
    private void quit() {
        Window window = scene.getWindow();
        window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
        window.hide();
    }

    private void showLockState() {
        if (model.session().isUnlocked()) {
            root.clearOverlay();
            root.main().navigationBar().button(model.navigation().current()).requestFocus();
        } else {
            model.unlock().reset();
            root.showOverlay(unlockView);
            unlockView.focusFirstField();
        }
    }

    public AppModel model() {
        return model;
    }

    public AppRoot root() {
        return root;
    }

    public Scene scene() {
        return scene;
    }

    /** The auto-lock watcher (tests ask whether its countdown runs). */
    public IdleLock idleLock() {
        return idleLock;
    }

    /** Puts this window on the stage: title, icons, scene and a minimum size that keeps text readable. */
    public void install(Stage stage) {
        stage.setTitle(TITLE);
        stage.getIcons().setAll(AppIcons.windowIcons());
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> model.session().lock()); // closing the window closes the vault
        LockedWindows.install(scene, model.session(), LOCK, idleLock::watch);
    }
}
