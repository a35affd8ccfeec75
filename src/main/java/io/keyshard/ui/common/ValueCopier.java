package io.keyshard.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts a value a user asked to copy on the clipboard; the app plugs in its clearing clipboard service here. */
@FunctionalInterface
public interface ValueCopier {
    /** Copies {@code value}; called on the FX thread. */
    void copy(String value);

    /** The system clipboard, without clearing (for tests and until the app's service is wired). */
    static ValueCopier systemClipboard() {
        return value -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
        };
    }
}
