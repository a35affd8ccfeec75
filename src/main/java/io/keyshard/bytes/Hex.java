package io.keyshard.bytes;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The one hex codec: lowercase on output; decoding refuses odd lengths and non-hex characters.
 * Text a person typed goes through {@link #decodeTyped}, which also allows surrounding space and a
 * {@code 0x} prefix.
 */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Lowercase hex as characters the caller can wipe (for secrets that must not become a String). */
    public static char[] encodeToChars(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return out;
    }

    /** Decodes hex; {@code what} names the field in the error message. */
    public static byte[] decode(String hex, String what) {
        if (hex == null || hex.length() % 2 != 0) {
            throw new IllegalArgumentException(what + " must be an even-length hex string");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid hex");
        }
    }

    /** Decodes hex a person typed (surrounding space and a 0x prefix allowed); {@code what} names it in errors. */
    public static byte[] decodeTyped(String text, String what) {
        String s = text == null ? "" : text.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("0x")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() % 2 != 0) {
            throw new IllegalArgumentException(what + " must be an even number of hex digits (0-9, a-f)");
        }
        return decode(s, what);
    }
}
