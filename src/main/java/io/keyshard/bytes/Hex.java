package io.keyshard.bytes;

import java.util.HexFormat;

/** Lowercase hex for public bytes in JSON; decoding refuses odd lengths, non-hex and upper/lower mixes alike. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
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
}
