package io.keyshard.address;

import java.util.Arrays;
import java.util.Locale;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) strings with every check of those specifications:
 * length, case, character ranges, separator and checksum. Data is in 5-bit groups.
 */
public final class Bech32 {
    /** The two checksum constants; the variant is told by which one a checksum matches. */
    public enum Variant {
        BECH32(1),
        BECH32M(0x2bc830a3);

        final int constant;

        Variant(int constant) {
            this.constant = constant;
        }
    }

    /** A decoded string: lower-case human-readable part, 5-bit data without the checksum, and the variant. */
    public record Decoded(String hrp, byte[] data, Variant variant) {}

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int MAX_LENGTH = 90;
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {}

    private static int polymod(byte[] values) {
        int chk = 1;
        for (byte v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= GENERATOR[i];
                }
            }
        }
        return chk;
    }

    private static byte[] expandHrp(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[2 * n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (hrp.charAt(i) >>> 5);
            out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Encodes 5-bit data under a lower-case human-readable part. */
    public static String encode(String hrp, byte[] data, Variant variant) {
        String h = hrp.toLowerCase(Locale.ROOT);
        byte[] values = concat(concat(expandHrp(h), data), new byte[6]);
        int mod = polymod(values) ^ variant.constant;
        StringBuilder sb = new StringBuilder(h).append('1');
        for (byte d : data) {
            sb.append(CHARSET.charAt(d));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        if (sb.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "bech32 string would be " + sb.length() + " characters; at most " + MAX_LENGTH);
        }
        return sb.toString();
    }

    /** Decodes and checks a Bech32 or Bech32m string; the message names the rule broken. */
    public static Decoded decode(String s) {
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("bech32 string is " + s.length() + " characters; at most " + MAX_LENGTH);
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException(
                        String.format("bech32 character out of range (0x%02x) at position %d", (int) c, i + 1));
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new IllegalArgumentException("bech32 string mixes upper and lower case");
        }
        String str = s.toLowerCase(Locale.ROOT);
        int sep = str.lastIndexOf('1');
        if (sep < 0) {
            throw new IllegalArgumentException("bech32 string has no separator '1'");
        }
        if (sep == 0) {
            throw new IllegalArgumentException("bech32 human-readable part is empty");
        }
        if (sep + 7 > str.length()) {
            throw new IllegalArgumentException(
                    "bech32 checksum too short (fewer than 6 characters after the separator)");
        }
        byte[] data = new byte[str.length() - sep - 1];
        for (int i = 0; i < data.length; i++) {
            int v = CHARSET.indexOf(str.charAt(sep + 1 + i));
            if (v < 0) {
                throw new IllegalArgumentException(
                        "invalid bech32 data character '" + str.charAt(sep + 1 + i) + "' at position " + (sep + 2 + i));
            }
            data[i] = (byte) v;
        }
        String hrp = str.substring(0, sep);
        int mod = polymod(concat(expandHrp(hrp), data));
        Variant variant = mod == Variant.BECH32.constant
                ? Variant.BECH32
                : mod == Variant.BECH32M.constant ? Variant.BECH32M : null;
        if (variant == null) {
            throw new IllegalArgumentException("invalid bech32 checksum: a character is mistyped or missing");
        }
        byte[] payload = new byte[data.length - 6];
        System.arraycopy(data, 0, payload, 0, payload.length);
        return new Decoded(hrp, payload, variant);
    }

    /** Regroups bits (8 to 5 with padding to encode; 5 to 8 strictly to decode, refusing bad padding). */
    public static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        byte[] out = new byte[(in.length * from + to - 1) / to];
        int n = 0;
        for (byte b : in) {
            int v = b & 0xff;
            if ((v >>> from) != 0) {
                throw new IllegalArgumentException("value " + v + " does not fit in " + from + " bits");
            }
            acc = (acc << from) | v;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out[n++] = (byte) ((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out[n++] = (byte) ((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from) {
            throw new IllegalArgumentException("bech32 data has more than 4 bits of padding");
        } else if (((acc << (to - bits)) & maxv) != 0) {
            throw new IllegalArgumentException("bech32 data has non-zero padding");
        }
        return Arrays.copyOf(out, n);
    }
}
