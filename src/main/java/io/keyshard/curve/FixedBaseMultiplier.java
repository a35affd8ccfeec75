package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Constant-time {@code k·B} for a fixed point B of a Weierstrass curve with no doublings at run time. k is
 * made odd (k, or n - k with every digit's sign flipped: n is odd) and recoded into P signed odd digits
 * d_i in [-(2^w - 1), 2^w - 1] (the regular recoding of Joye and Tunstall: never a zero digit), so
 * {@code k·B = Σ d_i·2^(w·i)·B}; row i holds the odd multiples 1, 3, ..., 2^w - 1 of {@code 2^(w·i)·B}
 * (affine, in one of Bouncy Castle's cache-safe lookup tables, whose lookup reads every entry and keeps one
 * by masks), and the sign is chosen by the same kind of lookup between the entry and its negation. Every
 * digit costs one whole-row scan and one mixed addition, whatever its value: against a doubling, an
 * addition and a 64-entry scan per column for the comb. No entry is the identity; a partial sum is odd
 * and smaller than the next addend as integers, so only the last addition can meet an exceptional case,
 * for a negligible set of k (and k = 0), where Bouncy Castle's addition still gives the right point.
 */
public final class FixedBaseMultiplier {
    /**
     * Digit width: 64 rows of 8 points for a 256-bit order (32 kB). Wider digits mean fewer additions but
     * longer scans and tables that leave the cache; in the base OTs' mix of G, h and z, 4 measured fastest.
     */
    static final int WIDTH = RegularRecoding.WIDTH;

    private final WeierstrassCurve curve;
    private final ECCurve bc;
    private final BigInteger order;
    private final byte[] orderBytes;
    private final ECLookupTable[] rows;
    /** The same rows as field words, for {@link #timesAll}. */
    private final AffineTable affineRows;

    /** A multiplier for {@code base} (the curve's shared one for its generator); Weierstrass curves only. */
    public static FixedBaseMultiplier of(Point base) {
        if (!(base.curve() instanceof WeierstrassCurve w)) {
            throw new IllegalArgumentException("fixed-base tables are for the Weierstrass curves, not "
                    + base.curve().name());
        }
        if (base.equals(w.generator())) {
            return w.generatorTable();
        }
        return new FixedBaseMultiplier(w, w.own(base).bc(), TableFactory.CACHE_SAFE);
    }

    /**
     * Builds the table: P·2^(w-1) additions, P·w doublings and one inversion.
     *
     * @param tables makes one row's lookup table from (curve, entries): a seam for the test that counts reads
     */
    FixedBaseMultiplier(WeierstrassCurve curve, ECPoint base, TableFactory tables) {
        if (base.isInfinity()) {
            throw new IllegalArgumentException("the identity has no multiples worth a table");
        }
        this.curve = curve;
        this.bc = curve.bcCurve();
        this.order = curve.order();
        this.orderBytes = BigIntegers.asUnsignedByteArray(curve.scalarLength(), order);
        int positions = RegularRecoding.digits(order.bitLength());
        int size = 1 << (WIDTH - 1);
        ECPoint step = base.normalize(); // 2^(w·i)·B
        ECPoint[] all = new ECPoint[positions * size];
        for (int i = 0; i < positions; i++) {
            ECPoint twice = step.twice().normalize();
            all[i * size] = step;
            for (int j = 1; j < size; j++) {
                all[i * size + j] = all[i * size + j - 1].add(twice);
            }
            step = step.timesPow2(WIDTH).normalize();
        }
        bc.normalizeAll(all);
        this.rows = new ECLookupTable[positions];
        for (int i = 0; i < positions; i++) {
            rows[i] = tables.make(bc, Arrays.copyOfRange(all, i * size, (i + 1) * size));
        }
        this.affineRows = new AffineTable(AffineField.of(curve.name()), all, size);
    }

    /** {@code k·B} for a scalar modulo the curve's order (a secret: every digit takes the same path). */
    public Point times(Scalar k) {
        return new WeierstrassPoint(curve, projective(k).normalize());
    }

    /**
     * {@code k_i·B} for many secret scalars, affine: the sums are kept in affine coordinates and every row's
     * additions for all the scalars at once share one field inversion (Montgomery's trick, {@link
     * AffineBatch}), an addition then costing about five multiplications and a squaring against eleven for a
     * mixed addition into projective coordinates. As in {@link #times(Scalar)} only the last addition can meet
     * an exceptional case (equal x: a sum is the entry or its negation), for a negligible set of k; when any
     * does, the batch is computed again in projective coordinates, where Bouncy Castle's addition handles it.
     */
    public Point[] timesAll(Scalar[] ks) {
        RegularRecoding[] recoded = new RegularRecoding[ks.length];
        try {
            for (int i = 0; i < ks.length; i++) {
                recoded[i] = recode(ks[i]);
            }
            AffineField field = AffineField.of(curve.name());
            AffineBatch sums = new AffineBatch(field, ks.length);
            for (int j = 0; j < ks.length; j++) {
                affineRows.select(0, recoded[j].signedDigit(0), field, sums.x(j), sums.y(j));
            }
            for (int i = 1; i < rows.length; i++) {
                for (int j = 0; j < ks.length; j++) {
                    affineRows.select(i, recoded[j].signedDigit(i), field, sums.addendX(j), sums.addendY(j));
                }
                if (!sums.addAll()) {
                    return projectiveAll(recoded);
                }
            }
            return sums.points(curve);
        } finally {
            for (RegularRecoding r : recoded) {
                if (r != null) {
                    r.wipe();
                }
            }
        }
    }

    private Point[] projectiveAll(RegularRecoding[] recoded) {
        ECPoint[] raw = new ECPoint[recoded.length];
        for (int i = 0; i < recoded.length; i++) {
            raw[i] = sum(recoded[i]);
        }
        return PointBatch.affine(curve, raw);
    }

    private RegularRecoding recode(Scalar k) {
        if (!k.field().order().equals(order)) {
            throw new IllegalArgumentException("scalar belongs to another group than " + curve.name() + "'s");
        }
        byte[] be = k.encode();
        try {
            return new RegularRecoding(be, orderBytes, rows.length);
        } finally {
            Arrays.fill(be, (byte) 0);
        }
    }

    private ECPoint projective(Scalar k) {
        if (!k.field().order().equals(order)) {
            throw new IllegalArgumentException("scalar belongs to another group than " + curve.name() + "'s");
        }
        byte[] be = k.encode();
        try {
            return timesProjective(be);
        } finally {
            Arrays.fill(be, (byte) 0);
        }
    }

    /** {@code k·B}, k reduced modulo the order first. */
    public Point times(BigInteger k) {
        byte[] be = BigIntegers.asUnsignedByteArray(orderBytes.length, k.mod(order));
        try {
            return times(be);
        } finally {
            Arrays.fill(be, (byte) 0);
        }
    }

    /** k big-endian, {@code scalarLength} long, below the order. */
    private Point times(byte[] be) {
        return new WeierstrassPoint(curve, timesProjective(be).normalize());
    }

    /** k·B before the inversion that makes it affine. */
    private ECPoint timesProjective(byte[] be) {
        RegularRecoding k = new RegularRecoding(be, orderBytes, rows.length);
        try {
            return sum(k);
        } finally {
            k.wipe();
        }
    }

    private ECPoint sum(RegularRecoding k) {
        ECPoint acc = k.entry(bc, rows[0], 0);
        for (int i = 1; i < rows.length; i++) {
            acc = acc.add(k.entry(bc, rows[i], i));
        }
        return acc;
    }

    /** Makes the lookup table of one row. */
    interface TableFactory {
        TableFactory CACHE_SAFE = (c, entries) -> c.createCacheSafeLookupTable(entries, 0, entries.length);

        ECLookupTable make(ECCurve c, ECPoint[] entries);
    }
}
