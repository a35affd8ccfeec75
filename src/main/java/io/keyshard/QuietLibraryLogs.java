package io.keyshard;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Caps the JDK HTTP server's loggers and JavaFX's at INFO, whatever level logging is configured to:
 * at DEBUG the JDK HTTP server logs every request line (it carries the keyId); at FINER JavaFX's
 * layout and CSS traces print every Label with its text, keyIds included (found by AppScreensIT's
 * log scan). The client's own HTTP ({@code client.PinnedHttps}) logs nothing.
 */
public final class QuietLibraryLogs {
    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected one loses its level. */
    private static List<Logger> capped;

    private QuietLibraryLogs() {}

    /** Applies the caps; called at startup by each entry point (command line, desktop app, node). Idempotent. */
    public static synchronized void apply() {
        if (capped == null) {
            capped = List.of(Logger.getLogger("com.sun.net.httpserver"), Logger.getLogger("javafx"));
        }
        capped.forEach(l -> l.setLevel(Level.INFO));
    }
}
