package io.keyshard.ui.session;

import java.time.Duration;
import javafx.animation.Animation.Status;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Locks the session after {@link AppSession#autoLockAfterProperty()} without a key press, click,
 * scroll or mouse movement in the window. The timer runs only while the vault is unlocked.
 */
public final class IdleLock {
    private final AppSession session;
    private final PauseTransition timer = new PauseTransition();

    private IdleLock(AppSession session) {
        this.session = session;
        timer.setOnFinished(e -> session.lock());
    }

    /** Starts watching the scene's input for the session; returns the watcher (tests ask whether it runs). */
    public static IdleLock install(Scene scene, AppSession session) {
        IdleLock idle = new IdleLock(session);
        idle.watch(scene);
        session.vaultProperty().addListener((obs, old, now) -> idle.restart());
        session.autoLockAfterProperty().addListener((obs, old, now) -> idle.restart());
        idle.restart();
        return idle;
    }

    /** Counts input in another window of the app (Addresses, dialogs) as activity too. */
    public void watch(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, e -> activity());
    }

    /** True while the countdown runs. */
    public boolean isCounting() {
        return timer.getStatus() == Status.RUNNING;
    }

    private void activity() {
        if (isCounting()) {
            timer.playFromStart();
        }
    }

    private void restart() {
        timer.stop();
        Duration after = session.autoLockAfterProperty().get();
        if (session.isUnlocked() && after != null) {
            timer.setDuration(javafx.util.Duration.millis(after.toMillis()));
            timer.playFromStart();
        }
    }
}
