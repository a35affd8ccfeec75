package io.keyshard.dkls;

import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;

/**
 * A group element nobody knows the discrete logarithm of, from public input by try-and-increment on
 * the x-coordinate: the random-oracle point h of the endemic OT (Zhou et al., ePrint 2022/1525,
 * Section 3). Hashing to a scalar and multiplying G would give a point whose logarithm the receiver
 * knows, and a receiver that knows log(h) learns both of the sender's messages.
 * Variable time, on public input only.
 */
final class HashToCurve {
    private static final String TAG = "hash-to-curve";

    private HashToCurve() {}

    static Point hash(Group g, byte[]... parts) {
        int fieldBytes = g.curve().pointLength() - 1;
        int topBits = g.order().bitLength() % 8;
        for (int counter = 0; ; counter++) {
            byte[][] all = new byte[parts.length + 1][];
            System.arraycopy(parts, 0, all, 0, parts.length);
            all[parts.length] = Oracle.u32(counter);
            byte[] x = Oracle.hash(TAG, fieldBytes, all);
            if (topBits != 0) {
                x[0] &= (byte) ((1 << topBits) - 1);
            }
            byte[] enc = new byte[fieldBytes + 1];
            enc[0] = 0x02;
            System.arraycopy(x, 0, enc, 1, fieldBytes);
            try {
                return g.curve().decodePoint(enc);
            } catch (InvalidEncodingException notOnCurve) {
                // about half of all x are not on the curve: try the next counter
            }
        }
    }
}
