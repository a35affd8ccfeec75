package io.keyshard.address;

import java.util.Arrays;

/** Bitcoin's Base58 alphabet, and Base58Check (payload ‖ first 4 bytes of double SHA-256). */
public final class Base58 {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEX[ALPHABET[i]] = i;
        }
    }

    private Base58() {}

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // Repeated division of the big-endian number by 58, most significant digit last.
        byte[] num = Arrays.copyOf(data, data.length);
        char[] out = new char[data.length * 2];
        int pos = out.length;
        int start = zeros;
        while (start < num.length) {
            int rem = 0;
            for (int i = start; i < num.length; i++) {
                int acc = (rem << 8) | (num[i] & 0xff);
                num[i] = (byte) (acc / 58);
                rem = acc % 58;
            }
            out[--pos] = ALPHABET[rem];
            while (start < num.length && num[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < zeros; i++) {
            out[--pos] = '1';
        }
        return new String(out, pos, out.length - pos);
    }

    /** Decodes Base58; the message names the first character outside the alphabet and its position. */
    public static byte[] decode(String text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] num = new byte[text.length()];
        int len = 0;
        for (int k = zeros; k < text.length(); k++) {
            char c = text.charAt(k);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("character '" + c + "' at position " + (k + 1)
                        + " is not Base58 (0, O, I and l are never used)");
            }
            int carry = digit;
            for (int i = 0; i < len; i++) {
                carry += (num[i] & 0xff) * 58;
                num[i] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                num[len++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + len];
        for (int i = 0; i < len; i++) {
            out[out.length - 1 - i] = num[i];
        }
        return out;
    }

    /** Base58Check: the payload with its 4-byte checksum appended. */
    public static String encodeCheck(byte[] payload) {
        byte[] check = Hashes.doubleSha256(payload);
        byte[] all = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(check, 0, all, payload.length, 4);
        return encode(all);
    }

    /** Decodes Base58Check and verifies the checksum; returns the payload. */
    public static byte[] decodeCheck(String text) {
        byte[] all = decode(text);
        if (all.length < 4) {
            throw new IllegalArgumentException("too short for Base58Check (no room for the 4-byte checksum)");
        }
        byte[] payload = Arrays.copyOf(all, all.length - 4);
        byte[] check = Hashes.doubleSha256(payload);
        for (int i = 0; i < 4; i++) {
            if (check[i] != all[payload.length + i]) {
                throw new IllegalArgumentException("invalid checksum: a character is mistyped or missing");
            }
        }
        return payload;
    }
}
