package io.keyshard.curve;

import java.util.Arrays;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secret scalar k below the odd order n in signed odd digits (the regular recoding of Joye and Tunstall,
 * never a zero digit): k is made odd (k, or n - k with every digit's sign flipped), then
 * {@code k = Σ d_i·2^(w·i)} with d_i odd in [-(2^w - 1), 2^w - 1] and the top digit positive. The
 * multipliers that use it read, per digit, a whole row of odd multiples 1, 3, ..., 2^w - 1 and choose the
 * entry or its negation by a second whole-table lookup: nothing branches on or indexes by a bit of k.
 */
final class RegularRecoding {
    /** Digit width: 8 odd multiples per row. */
    static final int WIDTH = 4;

    private final byte[] odd;
    private final int flip;
    private final int digits;

    /**
     * @param be k big-endian, as long as {@code orderBytes}, below the order
     * @param digits the number of digits: {@code ceil(|n| / WIDTH)}
     */
    RegularRecoding(byte[] be, byte[] orderBytes, int digits) {
        this.flip = ~be[be.length - 1] & 1; // k even: recode n - k and negate every digit
        this.odd = oddForm(be, orderBytes, flip);
        this.digits = digits;
    }

    /**
     * An odd k, given with a sign: the digits of k, all negated when {@code negative} is 1 (the halves of a
     * {@link GlvSplit}, each odd and far below the order).
     *
     * @param odd k big-endian, odd, below {@code 2^(WIDTH·digits)}
     */
    RegularRecoding(byte[] odd, int negative, int digits) {
        this.flip = negative & 1;
        this.odd = odd.clone();
        this.digits = digits;
    }

    /** The number of digits for an order of {@code bits} bits. */
    static int digits(int bits) {
        return (bits + WIDTH - 1) / WIDTH;
    }

    /** {@code d_i·R} where {@code row} holds the odd multiples of R: both lookups read every entry. */
    ECPoint entry(ECCurve bc, ECLookupTable row, int i) {
        int d = signedDigit(i);
        int negative = d >>> 31;
        int magnitude = (d ^ -negative) + negative;
        ECPoint e = row.lookup(magnitude >>> 1);
        ECPoint[] pair = {e, e.negate()};
        return bc.createCacheSafeLookupTable(pair, 0, 2).lookup(negative);
    }

    /** Digit i with its sign as used: odd, in [-(2^w - 1), 2^w - 1], negated when k was (computed by masks). */
    int signedDigit(int i) {
        int top = i == digits - 1 ? 1 : 0; // a public position: the last digit is positive
        // d_i + 2^w = 1 + 2·(bits w·i + 1 .. w·i + w of k) below the top; the top digit is (k >> w·i) | 1
        int t = 1 | (bits(odd, i * WIDTH + 1, WIDTH - top) << 1);
        int d = t - ((1 - top) << WIDTH);
        return (d ^ -flip) + flip;
    }

    void wipe() {
        Arrays.fill(odd, (byte) 0);
    }

    /** k when {@code flip} is 0, n - k when it is 1: both computed, one kept by masks. */
    private static byte[] oddForm(byte[] k, byte[] orderBytes, int flip) {
        int keep = -flip;
        byte[] out = new byte[k.length];
        int borrow = 0;
        for (int i = k.length - 1; i >= 0; i--) {
            int diff = (orderBytes[i] & 0xff) - (k[i] & 0xff) - borrow;
            borrow = diff >>> 31;
            out[i] = (byte) ((k[i] & ~keep) | (diff & keep));
        }
        return out;
    }

    /** {@code count} bits of k from bit {@code from}; the loop follows the position only, never the bits. */
    private static int bits(byte[] be, int from, int count) {
        int v = 0;
        for (int b = 0; b < count; b++) {
            int bit = from + b;
            int at = be.length - 1 - (bit >>> 3);
            if (at >= 0) { // the top digit may reach past the encoding: a public position
                v |= ((be[at] >>> (bit & 7)) & 1) << b;
            }
        }
        return v;
    }
}
