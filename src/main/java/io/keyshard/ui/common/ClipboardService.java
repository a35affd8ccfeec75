package io.keyshard.ui.common;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Puts keyIds, keys and addresses on the clipboard and, while clearing is on, takes them off again
 * {@link #CLEAR_AFTER} later, but only if the clipboard still holds what Keyshard put there (a value
 * the user copied since is never touched). Call on the FX thread.
 */
public final class ClipboardService {
    public static final Duration CLEAR_AFTER = Duration.ofSeconds(30);

    /** Where copied text goes: the system clipboard in the app. */
    public interface Target {
        String getText();

        void setText(String text);

        void clear();
    }

    /** Runs a task after a delay; returns a handle that cancels it. */
    public interface Scheduler {
        Runnable schedule(Duration delay, Runnable task);
    }

    private final Target target;
    private final Scheduler scheduler;
    private final BooleanSupplier clearingEnabled;
    private String lastCopied;
    private Runnable cancelPending = () -> {};

    public ClipboardService(Target target, Scheduler scheduler, BooleanSupplier clearingEnabled) {
        this.target = Objects.requireNonNull(target);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clearingEnabled = Objects.requireNonNull(clearingEnabled);
    }

    /** The system clipboard, cleared with a JavaFX timer. */
    public static ClipboardService system(BooleanSupplier clearingEnabled) {
        return new ClipboardService(new SystemClipboard(), ClipboardService::fxTimer, clearingEnabled);
    }

    /** Copies {@code text}; schedules its removal when clearing is on. */
    public void copy(String text) {
        Objects.requireNonNull(text, "text");
        cancelPending.run();
        target.setText(text);
        lastCopied = text;
        if (clearingEnabled.getAsBoolean()) {
            cancelPending = scheduler.schedule(CLEAR_AFTER, this::clearIfStillOurs);
        } else {
            cancelPending = () -> {};
        }
    }

    /** True when a value copied now will be cleared after {@link #CLEAR_AFTER}. */
    public boolean clearsAfterCopy() {
        return clearingEnabled.getAsBoolean();
    }

    /** Removes what Keyshard copied, if it is still there (on lock, and when the timer fires). */
    public void clearIfStillOurs() {
        cancelPending.run();
        cancelPending = () -> {};
        if (lastCopied != null && lastCopied.equals(target.getText())) {
            target.clear();
        }
        lastCopied = null;
    }

    private static Runnable fxTimer(Duration delay, Runnable task) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> task.run());
        pause.play();
        return pause::stop;
    }

    private static final class SystemClipboard implements Target {
        @Override
        public String getText() {
            return Clipboard.getSystemClipboard().getString();
        }

        @Override
        public void setText(String text) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }

        @Override
        public void clear() {
            Clipboard.getSystemClipboard().clear();
        }
    }
}
