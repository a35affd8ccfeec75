package io.keyshard;

import java.io.PrintStream;

/**
 * Starts the desktop app and turns a toolkit that cannot start (no GTK 3, no display) into a short
 * message saying what to install, instead of JavaFX's stack trace. The command line needs neither.
 */
public final class DesktopStart {
    /** Exit code when the desktop cannot start; the command line still works. */
    public static final int NO_DESKTOP = 1;

    private DesktopStart() {}

    /** Runs {@code launcher} (which blocks until the app closes); returns 0, or {@link #NO_DESKTOP} after telling why. */
    public static int run(Runnable launcher, PrintStream err) {
        try {
            launcher.run();
            return 0;
        } catch (RuntimeException | LinkageError e) {
            err.println(explain(e));
            return NO_DESKTOP;
        }
    }

    /** The message for a failed start: the toolkit's deepest reason (first line only) and what to do. */
    static String explain(Throwable failure) {
        String reason = null;
        boolean gtk = false;
        boolean display = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                reason = m.lines().findFirst().orElse(m); // the deepest cause names the missing piece
                gtk |= m.contains("GTK") || m.contains("gtk");
                display |= m.contains("DISPLAY") || m.contains("display");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        StringBuilder out = new StringBuilder("keyshard: the desktop app cannot start");
        out.append(reason == null ? "." : ": " + reason.strip());
        out.append(System.lineSeparator());
        if (display && !gtk) {
            out.append("No graphical display was found: run it inside a desktop session (DISPLAY or WAYLAND_DISPLAY "
                    + "must be set). It also needs GTK 3, e.g. on Debian or Ubuntu: sudo apt install libgtk-3-0.");
        } else {
            out.append("The desktop app needs GTK 3. Install it, e.g. on Debian or Ubuntu: sudo apt install libgtk-3-0"
                    + " (Fedora: sudo dnf install gtk3).");
        }
        out.append(System.lineSeparator()).append("The command line works without it: java -jar keyshard.jar --help");
        return out.toString();
    }
}
