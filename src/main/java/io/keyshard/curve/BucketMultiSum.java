package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * {@code Σ k_i·P_i} over many terms with PUBLIC scalars by Pippenger's bucket method: per window of c bits
 * each point is added into the bucket of its signed digit (a mixed addition, the points being affine), and
 * the buckets are summed with weights by two running sums. With N terms of b bits that is about
 * {@code (b/c)·(N + 2^c)} additions against about {@code N·b/(w + 1)} for interleaved wNAF plus a table per
 * point, which pays from a few hundred terms (a batch of proofs checked at once). Variable time.
 */
final class BucketMultiSum {
    private BucketMultiSum() {}

    /** Σ ks[i]·ps[i] for affine points and scalars in {@code [0, 2^bits)}. */
    static ECPoint sum(ECCurve curve, ECPoint[] ps, BigInteger[] ks, int bits) {
        int c = window(ks, bits);
        int half = 1 << (c - 1);
        int windows = (bits + c) / c; // room for the last carry
        int[][] digits = new int[ps.length][];
        for (int i = 0; i < ps.length; i++) {
            digits[i] = signedDigits(ks[i], c, windows);
        }
        ECPoint infinity = curve.getInfinity();
        ECPoint acc = infinity;
        ECPoint[] buckets = new ECPoint[half];
        for (int w = windows - 1; w >= 0; w--) {
            acc = acc.timesPow2(c);
            Arrays.fill(buckets, infinity);
            for (int i = 0; i < ps.length; i++) {
                int d = digits[i][w];
                if (d > 0) {
                    buckets[d - 1] = buckets[d - 1].add(ps[i]);
                } else if (d < 0) {
                    buckets[-d - 1] = buckets[-d - 1].subtract(ps[i]);
                }
            }
            // Σ j·bucket[j-1] = Σ over j of the suffix sums bucket[j-1] + ... + bucket[half-1]
            ECPoint running = infinity;
            ECPoint total = infinity;
            for (int j = half - 1; j >= 0; j--) {
                running = running.add(buckets[j]);
                total = total.add(running);
            }
            acc = acc.add(total);
        }
        return acc;
    }

    /** Digits in {@code [-2^(c-1), 2^(c-1)]}, least significant first, with {@code Σ d_w·2^(c·w) = k}. */
    private static int[] signedDigits(BigInteger k, int c, int windows) {
        int[] out = new int[windows];
        int carry = 0;
        for (int w = 0; w < windows; w++) {
            int d = carry;
            for (int b = 0; b < c; b++) {
                if (k.testBit(w * c + b)) {
                    d += 1 << b;
                }
            }
            carry = d > 1 << (c - 1) ? 1 : 0;
            out[w] = d - (carry << c);
        }
        return out;
    }

    /**
     * The window that about minimises the additions: one mixed addition per non-zero digit (about
     * {@code Σ |k_i| / c}: a batch check's 128-bit weights have half the digits of full scalars) and, per
     * window, two general additions per bucket, each about one and a half mixed ones.
     */
    private static int window(BigInteger[] ks, int bits) {
        long digitBits = 0;
        for (BigInteger k : ks) {
            digitBits += k.bitLength();
        }
        int best = 2;
        double bestCost = Double.MAX_VALUE;
        for (int c = 2; c <= 12; c++) {
            double cost = (double) digitBits / c + 1.5 * ((bits + c) / c) * (1 << c);
            if (cost < bestCost) {
                best = c;
                bestCost = cost;
            }
        }
        return best;
    }
}
