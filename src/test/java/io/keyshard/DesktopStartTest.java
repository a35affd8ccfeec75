package io.keyshard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Without GTK 3 the app says what to install and exits 1, instead of ending in a stack trace. */
class DesktopStartTest {
    @Test
    void aMissingGtkSaysWhatToInstallWithoutAStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DesktopStart.run(
                () -> {
                    throw new RuntimeException(
                            "Exception in Application start method",
                            new UnsupportedOperationException("Unable to load glass GTK library."));
                },
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code);
        assertTrue(text.contains("sudo apt install libgtk-3-0"), text);
        assertTrue(text.contains("Unable to load glass GTK library"), text);
        assertTrue(text.contains("--help"), "the command line is offered instead: " + text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }

    @Test
    void aMissingDisplaySaysSo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DesktopStart.run(
                () -> {
                    throw new UnsupportedOperationException("Unable to open DISPLAY");
                },
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No graphical display"));
    }

    @Test
    void aNormalRunEndsWithZero() {
        assertEquals(0, DesktopStart.run(() -> {}, System.err));
    }
}
