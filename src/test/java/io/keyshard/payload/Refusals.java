package io.keyshard.payload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Utf8;

/** What the payload fuzz targets share: the refusal oracle and the text a JSON reader is given. */
public final class Refusals {
    private Refusals() {}

    /** A refusal says what was wrong: a message of a few words, never a bare exception. */
    public static void assertExplained(IllegalArgumentException refused) {
        String m = refused.getMessage();
        assertTrue(m != null && m.strip().length() > 10, () -> "refusal without an explanation: " + m);
    }

    /** The bytes as UTF-8 text, or null when they are not UTF-8 (refused before any payload reader sees them). */
    public static String utf8(byte[] data) {
        return Utf8.decode(data).orElse(null);
    }
}
