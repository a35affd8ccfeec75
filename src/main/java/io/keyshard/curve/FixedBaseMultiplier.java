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
    static final int WIDTH = 4;

    private final WeierstrassCurve curve;
    private final ECCurve bc;
    private final BigInteger order;
    private final byte[] orderBytes;
    private final ECLookupTable[] rows;

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
        int positions = (order.bitLength() + WIDTH - 1) / WIDTH;
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
    }

    /** {@code k·B} for a scalar modulo the curve's order (a secret: every digit takes the same path). */
    public Point times(Scalar k) {
        if (!k.field().order().equals(order)) {
            throw new IllegalArgumentException("scalar belongs to another group than " + curve.name() + "'s");
        }
        byte[] be = k.encode();
        try {
            return times(be);
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
        int flip = ~be[be.length - 1] & 1; // k even: recode n - k and negate every digit
        byte[] odd = oddForm(be, flip);
        try {
            ECPoint acc = signed(0, odd, flip);
            for (int i = 1; i < rows.length; i++) {
                acc = acc.add(signed(i, odd, flip));
            }
            return new WeierstrassPoint(curve, acc.normalize());
        } finally {
            Arrays.fill(odd, (byte) 0);
        }
    }

    /** k when {@code flip} is 0, n - k when it is 1: both computed, one kept by masks. */
    private byte[] oddForm(byte[] k, int flip) {
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

    /** d_i·2^(w·i)·B for the odd k: the row's entry |d_i|, then it or its negation, each by a full scan. */
    private ECPoint signed(int i, byte[] odd, int flip) {
        int top = i == rows.length - 1 ? 1 : 0; // a public position: the last digit is positive
        // d_i + 2^w = 1 + 2·(bits w·i + 1 .. w·i + w of k) below the top; the top digit is (k >> w·i) | 1
        int t = 1 | (bits(odd, i * WIDTH + 1, WIDTH - top) << 1);
        int d = t - ((1 - top) << WIDTH);
        int negative = d >>> 31;
        int magnitude = (d ^ -negative) + negative;
        ECPoint entry = rows[i].lookup(magnitude >>> 1);
        ECPoint[] pair = {entry, entry.negate()};
        return bc.createCacheSafeLookupTable(pair, 0, 2).lookup(negative ^ flip);
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

    /** Makes the lookup table of one row. */
    interface TableFactory {
        TableFactory CACHE_SAFE = (c, entries) -> c.createCacheSafeLookupTable(entries, 0, entries.length);

        ECLookupTable make(ECCurve c, ECPoint[] entries);
    }
}
