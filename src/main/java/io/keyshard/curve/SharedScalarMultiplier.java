package io.keyshard.curve;

import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * {@code k·P_i} for one secret scalar k and many points P_i (the base OT sender's {@code s·v} for every v
 * of a batch, a signer's χ times a co-signer's R_j and pk_j) by a regular fixed window: k recoded once into
 * signed odd digits ({@link RegularRecoding}); per point a table of its odd multiples P, 3·P, ..., 15·P (one
 * doubling, seven additions), all the tables made affine with one inversion ({@link PointBatch}); then per
 * digit from the top four doublings and one mixed addition of the digit's entry, read by Bouncy Castle's
 * cache-safe lookup. The same
 * operations for every k: about 256 doublings and 71 additions per point on a 256-bit curve, against the
 * comb's 258 doublings, 106 additions, a 64-point table made affine and 43 scans of 64 points when it builds
 * a table for a point used once. As in {@link FixedBaseMultiplier}, a partial sum is positive and below the
 * order as an integer, so only the last addition can meet an exceptional case, for a negligible set of k,
 * where Bouncy Castle's addition still gives the right point.
 */
public final class SharedScalarMultiplier {
    private static final int SIZE = 1 << (RegularRecoding.WIDTH - 1);

    private SharedScalarMultiplier() {}

    /** {@code k·p} for every point, affine; the points are public, none the identity. */
    public static Point[] times(Scalar k, List<Point> points) {
        if (points.isEmpty()) {
            return new Point[0];
        }
        WeierstrassCurve c = PointBatch.weierstrass(points.get(0));
        if (!k.field().order().equals(c.order())) {
            throw new IllegalArgumentException("scalar belongs to another group than " + c.name() + "'s");
        }
        ECCurve bc = c.bcCurve();
        int n = points.size();
        ECPoint[] multiples = new ECPoint[n * SIZE];
        for (int i = 0; i < n; i++) {
            ECPoint p = c.own(points.get(i)).bc();
            if (p.isInfinity()) {
                throw new IllegalArgumentException("the identity has no multiples worth a table");
            }
            ECPoint twice = p.twice();
            multiples[i * SIZE] = p;
            for (int j = 1; j < SIZE; j++) {
                multiples[i * SIZE + j] = multiples[i * SIZE + j - 1].add(twice);
            }
        }
        bc.normalizeAll(multiples);
        if (c.name() == CurveName.SECP256K1) {
            return PointBatch.affine(c, endomorphic(bc, k, multiples, n));
        }
        int digits = RegularRecoding.digits(c.order().bitLength());
        byte[] be = k.encode();
        RegularRecoding recoded =
                new RegularRecoding(be, BigIntegers.asUnsignedByteArray(be.length, c.order()), digits);
        try {
            ECPoint[] out = new ECPoint[n];
            for (int i = 0; i < n; i++) {
                ECLookupTable row = bc.createCacheSafeLookupTable(multiples, i * SIZE, SIZE);
                ECPoint acc = recoded.entry(bc, row, digits - 1);
                for (int d = digits - 2; d >= 0; d--) {
                    acc = acc.timesPow2(RegularRecoding.WIDTH).add(recoded.entry(bc, row, d));
                }
                out[i] = acc;
            }
            return PointBatch.affine(c, out);
        } finally {
            recoded.wipe();
            Arrays.fill(be, (byte) 0);
        }
    }

    /**
     * secp256k1: {@code k·P = m1·(±P) + m2·(±λ·P)} with k split by {@link GlvSplit} into two odd halves under
     * 2^130; the table of λ·P's odd multiples is the table of P's with every x times β. Per digit (33 of
     * them) four doublings and two mixed additions, each entry read by the same whole-row lookups as above:
     * 132 doublings per point instead of 256. A partial sum {@code a·P + b·λ·P} meets an entry (an exceptional
     * addition) only when {@code a + λ·b = ±j} or {@code ±λ·j} for a digit j: negligible for a random k, and
     * Bouncy Castle's addition still gives the right point.
     */
    private static ECPoint[] endomorphic(ECCurve bc, Scalar k, ECPoint[] multiples, int n) {
        ECFieldElement beta = bc.fromBigInteger(GlvSplit.BETA);
        ECPoint[] lambdaMultiples = new ECPoint[multiples.length];
        for (int i = 0; i < multiples.length; i++) {
            lambdaMultiples[i] = multiples[i].scaleX(beta);
        }
        int digits = RegularRecoding.digits(GlvSplit.HALF_BITS);
        GlvSplit.Halves halves = GlvSplit.split(k);
        RegularRecoding k1 = new RegularRecoding(halves.m1(), halves.negative1(), digits);
        RegularRecoding k2 = new RegularRecoding(halves.m2(), halves.negative2(), digits);
        halves.wipe();
        try {
            ECPoint[] out = new ECPoint[n];
            for (int i = 0; i < n; i++) {
                ECLookupTable row1 = bc.createCacheSafeLookupTable(multiples, i * SIZE, SIZE);
                ECLookupTable row2 = bc.createCacheSafeLookupTable(lambdaMultiples, i * SIZE, SIZE);
                ECPoint acc = k1.entry(bc, row1, digits - 1).add(k2.entry(bc, row2, digits - 1));
                for (int d = digits - 2; d >= 0; d--) {
                    acc = acc.timesPow2(RegularRecoding.WIDTH)
                            .add(k1.entry(bc, row1, d))
                            .add(k2.entry(bc, row2, d));
                }
                out[i] = acc;
            }
            return out;
        } finally {
            k1.wipe();
            k2.wipe();
        }
    }
}
