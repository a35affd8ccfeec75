package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FixedBaseMultiplierTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 0, 1, 2, q - 1, q, q + 1, all-ones digits, a single top bit, and random scalars. */
    private static List<BigInteger> scalars(BigInteger q) {
        List<BigInteger> ks = new ArrayList<>(List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                BigInteger.valueOf(63),
                BigInteger.valueOf(64),
                q.subtract(BigInteger.ONE),
                q,
                q.add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(q.bitLength() - 1),
                BigInteger.ONE.shiftLeft(q.bitLength()).subtract(BigInteger.ONE).mod(q)));
        for (int i = 0; i < 12; i++) {
            ks.add(new BigInteger(q.bitLength() + 8, RANDOM).mod(q));
        }
        return ks;
    }

    private static Point randomPoint(Curve c) {
        return c.generator().multiply(new BigInteger(256, RANDOM).add(BigInteger.TWO));
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "SECP256K1_SCHNORR", "P256", "P384", "P521"})
    void generatorTableAgreesWithThePlainMultiplication(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        ECPoint g = c.own(c.generator()).bc();
        for (BigInteger k : scalars(c.order())) {
            Point expected =
                    new WeierstrassPoint(c, g.multiply(k.mod(c.order())).normalize());
            assertEquals(expected, c.multiplyBase(k), "k·G by BigInteger, k = " + k);
            assertEquals(expected, c.multiplyBase(c.scalars().of(k.mod(c.order()))), "k·G by Scalar, k = " + k);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void pointTableAgreesWithThePlainMultiplication(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        Point base = randomPoint(c);
        FixedBaseMultiplier table = FixedBaseMultiplier.of(base);
        ScalarField other = new ScalarField(c.order(), c.scalarLength(), false);
        for (BigInteger k : scalars(c.order())) {
            Point expected = new WeierstrassPoint(
                    c, c.own(base).bc().multiply(k.mod(c.order())).normalize());
            assertEquals(expected, table.times(k), "k·B by BigInteger, k = " + k);
            // a scalar of a field with the same order (the dkls group's own) is accepted
            assertEquals(expected, table.times(other.of(k.mod(c.order()))), "k·B by Scalar, k = " + k);
        }
    }

    /**
     * The batched forms give what one product at a time gives: a table's products of many scalars, one
     * scalar times many points (the regular window) and sums, each batch made affine with one inversion,
     * the identity among them staying the identity.
     */
    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void batchesAgreeWithOneProductAtATime(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        Point b = randomPoint(c);
        Point p = randomPoint(c);
        FixedBaseMultiplier table = FixedBaseMultiplier.of(b);
        List<BigInteger> ks = scalars(c.order());
        Scalar[] scalars =
                ks.stream().map(k -> c.scalars().of(k.mod(c.order()))).toArray(Scalar[]::new);
        Point[] products = table.timesAll(scalars);
        for (int i = 0; i < scalars.length; i++) {
            BigInteger k = ks.get(i).mod(c.order());
            assertEquals(table.times(k), products[i], "k·B in a batch, k = " + k);
            Point[] shared = SharedScalarMultiplier.times(scalars[i], List.of(b, p, c.generator()));
            assertEquals(b.multiply(k), shared[0], "k·B by the shared window, k = " + k);
            assertEquals(p.multiply(k), shared[1], "k·P by the shared window, k = " + k);
            assertEquals(c.multiplyBase(k), shared[2], "k·G by the shared window, k = " + k);
        }
        Point[] sums = PointBatch.sums(new Point[] {b, p, b}, new Point[] {p, p, b.negate()});
        assertEquals(b.add(p), sums[0]);
        assertEquals(p.add(p), sums[1]);
        assertTrue(sums[2].isIdentity());
    }

    /** The generator's table is one per curve, shared by concurrent setups: their batches must not share scratch. */
    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P384"})
    void batchesOnTheSharedTableFromManyThreadsAgreeWithSingleProducts(CurveName name) throws Exception {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        FixedBaseMultiplier table = FixedBaseMultiplier.of(c.generator());
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            tasks.add(() -> {
                for (int round = 0; round < 5; round++) {
                    Scalar[] ks = new Scalar[40];
                    for (int i = 0; i < ks.length; i++) {
                        ks[i] = c.scalars().of(new BigInteger(c.order().bitLength() - 1, RANDOM).add(BigInteger.ONE));
                    }
                    Point[] products = table.timesAll(ks);
                    for (int i = 0; i < ks.length; i++) {
                        if (!products[i].equals(c.multiplyBase(ks[i].toBigInteger()))) {
                            return false;
                        }
                    }
                }
                return true;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                assertTrue(f.get(), "a batch computed beside others");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A batch with no exceptional sum (no k = 0) takes the affine path; it agrees with one product at a time. */
    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void aBatchInAffineCoordinatesAgreesWithSingleProducts(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        FixedBaseMultiplier table = FixedBaseMultiplier.of(randomPoint(c));
        List<Scalar> ks = new ArrayList<>();
        for (BigInteger k : scalars(c.order())) {
            if (k.mod(c.order()).signum() != 0) {
                ks.add(c.scalars().of(k.mod(c.order())));
            }
        }
        Point[] products = table.timesAll(ks.toArray(new Scalar[0]));
        for (int i = 0; i < ks.size(); i++) {
            assertEquals(table.times(ks.get(i)), products[i], "k·B in an affine batch, k = " + i);
        }
    }

    @Test
    void theGeneratorsTableIsSharedAndOtherCurvesAreRefused() {
        Curve c = CurveName.P256.curve();
        assertSame(FixedBaseMultiplier.of(c.generator()), FixedBaseMultiplier.of(c.generator()));
        assertThrows(
                IllegalArgumentException.class,
                () -> FixedBaseMultiplier.of(CurveName.ED25519.curve().generator()));
        Scalar foreign = CurveName.SECP256K1.curve().scalars().of(BigInteger.TWO);
        assertThrows(
                IllegalArgumentException.class,
                () -> FixedBaseMultiplier.of(c.generator()).times(foreign));
    }

    /**
     * Every multiplication reads every row once through the constant-time lookup (which scans all of the
     * row's entries), never through the variable-time one, whatever the scalar: the same reads for 0, 1,
     * q - 1 and random scalars.
     */
    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void everyMultiplicationScansEveryEntryOfEveryRow(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        List<CountingTable> rows = new ArrayList<>();
        FixedBaseMultiplier table =
                new FixedBaseMultiplier(c, c.own(c.generator()).bc(), (curve, entries) -> {
                    CountingTable t = new CountingTable(entries);
                    rows.add(t);
                    return t;
                });
        int positions = (c.order().bitLength() + FixedBaseMultiplier.WIDTH - 1) / FixedBaseMultiplier.WIDTH;
        assertEquals(positions, rows.size());
        for (BigInteger k : scalars(c.order())) {
            rows.forEach(CountingTable::reset);
            assertEquals(c.multiplyBase(k), table.times(k), "k = " + k);
            for (CountingTable t : rows) {
                assertEquals(1, t.lookups, "lookups of one row, k = " + k);
                assertEquals(t.entries.length, t.reads, "entries read in one row, k = " + k);
                assertEquals(0, t.variableLookups, "variable-time lookups, k = " + k);
            }
        }
        // The tables the multiplier really uses are the curve's cache-safe ones, which read every entry.
        assertTrue(c.bcCurve()
                .createCacheSafeLookupTable(rows.get(0).entries, 0, rows.get(0).entries.length)
                .lookup(3)
                .equals(rows.get(0).entries[3]));
    }

    /** A lookup table that reads every entry, keeps the wanted one without a branch on the index, and counts. */
    private static final class CountingTable implements ECLookupTable {
        final ECPoint[] entries;
        int lookups;
        int reads;
        int variableLookups;

        CountingTable(ECPoint[] entries) {
            this.entries = entries.clone();
        }

        void reset() {
            lookups = 0;
            reads = 0;
            variableLookups = 0;
        }

        @Override
        public int getSize() {
            return entries.length;
        }

        @Override
        public ECPoint lookup(int index) {
            lookups++;
            ECPoint[] kept = new ECPoint[2];
            for (int i = 0; i < entries.length; i++) {
                reads++;
                int hit = ((i ^ index) - 1) >>> 31; // 1 when i == index
                kept[hit] = entries[i];
            }
            return kept[1];
        }

        @Override
        public ECPoint lookupVar(int index) {
            variableLookups++;
            return entries[index];
        }
    }
}
