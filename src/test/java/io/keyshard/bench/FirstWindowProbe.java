package io.keyshard.bench;

import io.keyshard.Main;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Child-process main for {@link StartupBench}: starts the real app ({@code io.keyshard.Main} with
 * no arguments) and prints {@link #SHOWN} on stdout the moment its first window has been shown
 * (the stage's WINDOW_SHOWN event: native window mapped, scene laid out), then exits the app.
 * The app itself is not changed: the probe only watches JavaFX's list of windows.
 */
public final class FirstWindowProbe {
    static final String SHOWN = "first-window-shown";
    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private FirstWindowProbe() {}

    public static void main(String[] args) {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> report());
                    // If the window was added after its WINDOW_SHOWN fired, the next FX turn still sees it showing.
                    Platform.runLater(() -> {
                        if (w.isShowing()) {
                            report();
                        }
                    });
                }
            }
        });
        Main.main(new String[0]);
    }

    private static void report() {
        if (REPORTED.compareAndSet(false, true)) {
            System.out.println(SHOWN);
            System.out.flush();
            Platform.exit();
        }
    }
}
