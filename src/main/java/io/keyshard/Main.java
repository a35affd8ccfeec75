package io.keyshard;

import io.keyshard.cli.KeyshardCommand;
import io.keyshard.ui.KeyshardApp;

/**
 * Entry point: no arguments opens the desktop app, anything else runs the command line.
 * Deliberately not a JavaFX {@code Application}, so the jar starts with JavaFX on the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        QuietLibraryLogs.apply();
        if (args.length == 0) {
            int code = DesktopStart.run(() -> KeyshardApp.launchApp(args), System.err);
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        System.exit(KeyshardCommand.run(args));
    }
}
