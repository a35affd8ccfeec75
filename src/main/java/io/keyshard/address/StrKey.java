package io.keyshard.address;

import java.util.Arrays;

/**
 * Stellar's StrKey (SEP-23): base32 of version byte ‖ payload ‖ CRC16-XModem (little-endian),
 * without padding. Ed25519 account keys use version byte 6 &lt;&lt; 3, giving {@code G...}.
 */
public final class StrKey {
    /** The version byte of an Ed25519 account public key. */
    public static final int ACCOUNT_ID = 6 << 3;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private StrKey() {}

    public static String encode(int versionByte, byte[] payload) {
        byte[] body = new byte[payload.length + 3];
        body[0] = (byte) versionByte;
        System.arraycopy(payload, 0, body, 1, payload.length);
        int crc = crc16Xmodem(body, payload.length + 1);
        body[payload.length + 1] = (byte) crc;
        body[payload.length + 2] = (byte) (crc >>> 8);
        return base32(body);
    }

    /** Decodes a StrKey with the given version byte; refuses another version, a bad character or checksum. */
    public static byte[] decode(int versionByte, String text) {
        byte[] body = unbase32(text);
        if (body.length < 3) {
            throw new IllegalArgumentException("StrKey too short");
        }
        if ((body[0] & 0xff) != versionByte) {
            throw new IllegalArgumentException("StrKey version byte " + (body[0] & 0xff) + ", expected " + versionByte);
        }
        int crc = crc16Xmodem(body, body.length - 2);
        if ((body[body.length - 2] & 0xff) != (crc & 0xff) || (body[body.length - 1] & 0xff) != (crc >>> 8)) {
            throw new IllegalArgumentException("StrKey checksum does not match: a character is mistyped or missing");
        }
        if (!base32(body).equals(text)) {
            throw new IllegalArgumentException("StrKey is not in canonical form");
        }
        return Arrays.copyOfRange(body, 1, body.length - 2);
    }

    /** CRC-16/XMODEM: polynomial 0x1021, initial value 0, no reflection. */
    static int crc16Xmodem(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xff) << 8;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xffff;
        }
        return crc;
    }

    private static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int acc = 0;
        int bits = 0;
        for (byte b : data) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                sb.append(BASE32.charAt((acc >>> bits) & 31));
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((acc << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    private static byte[] unbase32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int n = 0;
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = BASE32.indexOf(text.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character '" + text.charAt(i) + "' at position " + (i + 1)
                        + " is not StrKey base32 (A-Z, 2-7)");
            }
            acc = (acc << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >>> bits);
            }
        }
        return Arrays.copyOf(out, n);
    }
}
