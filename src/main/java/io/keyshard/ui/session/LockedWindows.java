package io.keyshard.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Keeps the windows the main window opens (Addresses, the wizard, dialogs) under the session's lock:
 * each gets the lock shortcut and counts as activity for auto-lock, and locking closes every one of
 * them, because each may show a keyId or other vault data the unlock screen does not cover.
 */
public final class LockedWindows {
    private final Scene main;
    private final AppSession session;
    private final KeyCombination lock;
    private final Consumer<Scene> watchActivity;

    private LockedWindows(Scene main, AppSession session, KeyCombination lock, Consumer<Scene> watchActivity) {
        this.main = main;
        this.session = session;
        this.lock = lock;
        this.watchActivity = watchActivity;
    }

    /**
     * Starts guarding the windows owned (directly or not) by the window that shows {@code main}, the
     * main window's scene (a stage may show another scene later; its windows are then not ours).
     * Call on the FX thread.
     */
    public static LockedWindows install(
            Scene main, AppSession session, KeyCombination lock, Consumer<Scene> watchActivity) {
        LockedWindows guard = new LockedWindows(main, session, lock, watchActivity);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(guard::adopt);
            }
        });
        List.copyOf(Window.getWindows()).forEach(guard::adopt);
        session.vaultProperty().addListener((obs, old, vault) -> {
            if (vault == null) {
                guard.closeAll();
            }
        });
        return guard;
    }

    /** True if {@code w} is one of the main window's own windows (not the main window itself). */
    boolean ours(Window w) {
        Window at = w;
        while (at instanceof Stage stage && stage.getOwner() != null) {
            at = stage.getOwner();
            if (at.getScene() == main) {
                return true;
            }
        }
        return false;
    }

    private void adopt(Window w) {
        if (!ours(w)) {
            return;
        }
        if (w.getScene() != null) {
            guard(w.getScene());
        }
        w.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                guard(scene);
            }
        });
    }

    private void guard(Scene scene) {
        if (scene.getAccelerators().putIfAbsent(lock, () -> {
                    if (session.isUnlocked()) {
                        session.lock();
                    }
                })
                == null) {
            watchActivity.accept(scene);
        }
    }

    /** Closes every window of ours, the way the user's close button would, then hides any that stayed. */
    private void closeAll() {
        List<Window> open = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (ours(w)) {
                open.add(w);
            }
        }
        for (Window w : open) {
            w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (w.isShowing()) {
                w.hide();
            }
        }
    }
}
