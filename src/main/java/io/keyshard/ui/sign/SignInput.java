package io.keyshard.ui.sign;

import io.keyshard.bytes.Hex;
import io.keyshard.payload.bitcoin.Psbt;
import java.nio.charset.StandardCharsets;

/**
 * What the Sign stage reads as the payload: typed text (its UTF-8 bytes), typed hex, or a file's bytes,
 * at most {@link #MAX_INPUT} (the largest payload, a PSBT as base64); each kind's own limit is checked
 * when it is prepared.
 */
final class SignInput {
    /** The largest input read: a PSBT of the most bytes a PSBT may have, as base64. */
    static final long MAX_INPUT = Psbt.MAX_BYTES / 3L * 4 + 64;

    private SignInput() {}

    /** Typed text as the bytes signed (UTF-8). */
    static byte[] fromText(String text) {
        return limited(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Typed hex (spaces, line breaks and a 0x prefix allowed). */
    static byte[] fromHex(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", "");
        return limited(Hex.decodeTyped(s, "The hex"));
    }

    /** Refuses an input of {@code size} bytes before it is read. */
    static void checkSize(long size) {
        if (size > MAX_INPUT) {
            throw new IllegalArgumentException(
                    "it is " + size + " bytes, more than any payload can be: check that it is the right file");
        }
    }

    /** "12 bytes", "1 byte". */
    static String size(int n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }

    private static byte[] limited(byte[] bytes) {
        checkSize(bytes.length);
        return bytes;
    }
}
