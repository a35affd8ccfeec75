package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModQTest {
    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void productsSumsAndDifferencesMatchBigIntegerArithmeticIncludingTheEdges(CurveName name) {
        Group g = Group.of(name);
        ModQ f = ModQ.of(g);
        BigInteger q = g.order();
        TestRandom random = new TestRandom("modq " + name);
        BigInteger[] values = new BigInteger[40];
        values[0] = BigInteger.ZERO;
        values[1] = BigInteger.ONE;
        values[2] = q.subtract(BigInteger.ONE);
        values[3] = q.subtract(BigInteger.TWO);
        values[4] = q.shiftRight(1);
        for (int i = 5; i < values.length; i++) {
            values[i] = g.random(random).toBigInteger();
        }
        long[] t = f.scratch();
        long[] a = f.vector(1);
        long[] b = f.vector(1);
        long[] out = f.vector(1);
        for (BigInteger x : values) {
            for (BigInteger y : values) {
                f.load(g.of(x), a, 0, t);
                f.load(g.of(y), b, 0, t);
                f.mul(a, 0, b, 0, out, 0, t);
                assertEquals(x.multiply(y).mod(q), f.scalar(out, 0, t).toBigInteger(), "product");
                f.add(a, 0, b, 0, out, 0);
                assertEquals(x.add(y).mod(q), f.scalar(out, 0, t).toBigInteger(), "sum");
                f.sub(a, 0, b, 0, out, 0);
                assertEquals(x.subtract(y).mod(q), f.scalar(out, 0, t).toBigInteger(), "difference");
                f.addMasked(a, 0, b, 0, 0L, out, 0);
                assertEquals(x, f.scalar(out, 0, t).toBigInteger(), "masked-out sum");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void theMontgomeryProductTakesAnyFactorBelowRAndKeepsItsResultWhenTheOutputIsAnInput(CurveName name) {
        Group g = Group.of(name);
        ModQ f = ModQ.of(g);
        BigInteger q = g.order();
        BigInteger r = BigInteger.ONE.shiftLeft(64 * f.n);
        BigInteger rInv = r.modInverse(q);
        TestRandom random = new TestRandom("raw " + name);
        BigInteger[] raw = {
            BigInteger.ZERO,
            BigInteger.ONE,
            q.subtract(BigInteger.ONE),
            q,
            q.add(BigInteger.ONE),
            q.shiftLeft(1).min(r.subtract(BigInteger.ONE)),
            r.subtract(BigInteger.ONE),
            r.subtract(BigInteger.TWO),
            r.shiftRight(1),
            BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE),
            new BigInteger(64 * f.n, random),
            new BigInteger(64 * f.n, random)
        };
        BigInteger[] reduced = {
            BigInteger.ZERO,
            BigInteger.ONE,
            q.subtract(BigInteger.ONE),
            q.shiftRight(1),
            g.random(random).toBigInteger()
        };
        long[] t = f.scratch();
        long[] out = f.vector(1);
        for (BigInteger x : raw) {
            for (BigInteger y : reduced) {
                BigInteger want = x.multiply(y).multiply(rInv).mod(q);
                long[] a = limbs(x, f.n);
                long[] b = limbs(y, f.n);
                f.mul(a, 0, b, 0, out, 0, t);
                assertEquals(want, value(out), "a·b·R^-1 for a=" + x.toString(16) + " b=" + y.toString(16));
                f.mul(a, 0, b, 0, a, 0, t);
                assertArrayEquals(out, a, "out aliasing a");
                a = limbs(x, f.n);
                f.mul(a, 0, b, 0, b, 0, t);
                assertArrayEquals(out, b, "out aliasing b");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void conversionsKeepTheValueAndTheHashedFormIsItsLittleEndianTimesR(CurveName name) {
        Group g = Group.of(name);
        ModQ f = ModQ.of(g);
        BigInteger q = g.order();
        BigInteger r = BigInteger.ONE.shiftLeft(64 * f.n);
        TestRandom random = new TestRandom("convert " + name);
        long[] t = f.scratch();
        long[] a = f.vector(3);
        byte[] hashed = new byte[8 * f.n];
        for (BigInteger x : new BigInteger[] {
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TWO,
            q.subtract(BigInteger.ONE),
            q.subtract(BigInteger.TWO),
            BigInteger.ONE.shiftLeft(q.bitLength() - 1),
            g.random(random).toBigInteger()
        }) {
            f.load(g.of(x), a, f.n, t);
            BigInteger mont = x.multiply(r).mod(q);
            assertEquals(mont, value(Arrays.copyOfRange(a, f.n, 2 * f.n)), "Montgomery form of " + x.toString(16));
            assertEquals(0, value(Arrays.copyOfRange(a, 0, f.n)).signum(), "the slot before is untouched");
            assertEquals(0, value(Arrays.copyOfRange(a, 2 * f.n, 3 * f.n)).signum(), "the slot after is untouched");
            assertEquals(x, f.scalar(a, f.n, t).toBigInteger());
            assertArrayEquals(g.of(x).encode(), f.canonical(a, f.n, t));
            f.write(a, f.n, hashed, 0);
            assertArrayEquals(littleEndian(mont, 8 * f.n), hashed, "hashed form");
            // The same from and to encodings at an offset of a buffer, as τ travels.
            int len = g.field().byteLength();
            byte[] buffer = new byte[3 * len];
            f.canonical(a, f.n, buffer, len, t);
            assertArrayEquals(g.of(x).encode(), Arrays.copyOfRange(buffer, len, 2 * len));
            assertEquals(0, new BigInteger(1, Arrays.copyOfRange(buffer, 0, len)).signum());
            assertEquals(0, new BigInteger(1, Arrays.copyOfRange(buffer, 2 * len, 3 * len)).signum());
            long[] fromBytes = f.vector(1);
            assertTrue(f.loadPublic(buffer, len, fromBytes, 0, t));
            assertEquals(mont, value(fromBytes));
            assertTrue(f.belowQ(buffer, len, t));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void anEncodingIsBelowQExactlyWhenItsValueIs(CurveName name) {
        Group g = Group.of(name);
        ModQ f = ModQ.of(g);
        BigInteger q = g.order();
        int len = g.field().byteLength();
        long[] t = f.scratch();
        BigInteger top = BigInteger.ONE.shiftLeft(8 * len);
        for (BigInteger v : new BigInteger[] {
            BigInteger.ZERO, q.subtract(BigInteger.ONE), q, q.add(BigInteger.ONE), top.subtract(BigInteger.ONE)
        }) {
            byte[] buffer = new byte[len + 2];
            System.arraycopy(BigIntegers.asUnsignedByteArray(len, v), 0, buffer, 1, len);
            buffer[0] = (byte) 0xff;
            buffer[len + 1] = (byte) 0xff;
            assertEquals(v.compareTo(q) < 0, f.belowQ(buffer, 1, t), v.toString(16));
            long[] loaded = f.vector(1);
            assertEquals(v.compareTo(q) < 0, f.loadPublic(buffer, 1, loaded, 0, t), v.toString(16));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void aWideHashReducesToItsLittleEndianValueModQ(CurveName name) {
        Group g = Group.of(name);
        ModQ f = ModQ.of(g);
        TestRandom random = new TestRandom("wide " + name);
        long[] t = f.scratch();
        long[] out = f.vector(1);
        for (int i = 0; i < 50; i++) {
            byte[] wide = new byte[f.wideBytes()];
            random.nextBytes(wide);
            if (i == 0) {
                Arrays.fill(wide, (byte) 0xff);
            } else if (i == 1) {
                Arrays.fill(wide, (byte) 0);
            } else if (i == 2) {
                wide = littleEndian(g.order(), wide.length);
            } else if (i == 3) {
                wide = littleEndian(BigInteger.ONE.shiftLeft(8 * wide.length).subtract(g.order()), wide.length);
            } else if (i == 4) {
                wide = littleEndian(BigInteger.ONE.shiftLeft(64 * f.n), wide.length);
            }
            f.reduceWide(wide, 0, out, 0, t);
            byte[] be = new byte[wide.length];
            for (int k = 0; k < wide.length; k++) {
                be[k] = wide[wide.length - 1 - k];
            }
            Scalar s = f.scalar(out, 0, t);
            assertEquals(new BigInteger(1, be).mod(g.order()), s.toBigInteger());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void aScaledWideHashIsItsLittleEndianValueTimesRToTheMinusTwoModQFullyReduced(CurveName name) {
        Group g = Group.of(name);
        ModQ f = ModQ.of(g);
        BigInteger q = g.order();
        BigInteger rInv = BigInteger.ONE.shiftLeft(64 * f.n).modInverse(q);
        int len = f.wideBytes();
        BigInteger top = BigInteger.ONE.shiftLeft(8 * len);
        BigInteger nearTop = q.shiftLeft(128);
        TestRandom random = new TestRandom("scaled " + name);
        BigInteger[] inputs = {
            BigInteger.ZERO,
            BigInteger.ONE,
            top.subtract(BigInteger.ONE),
            nearTop.subtract(BigInteger.ONE),
            nearTop,
            nearTop.add(BigInteger.ONE),
            q,
            q.subtract(BigInteger.ONE),
            new BigInteger(8 * len, random),
            new BigInteger(8 * len, random),
            new BigInteger(8 * len, random)
        };
        long[] t = f.scratch();
        long[] out = f.vector(3);
        for (BigInteger v : inputs) {
            byte[] wide = new byte[len + 2];
            wide[0] = (byte) 0xff;
            wide[len + 1] = (byte) 0xff;
            System.arraycopy(littleEndian(v, len), 0, wide, 1, len);
            Arrays.fill(out, -1L);
            f.reduceWideScaled(wide, 1, out, f.n, t);
            BigInteger form = value(Arrays.copyOfRange(out, f.n, 2 * f.n));
            String at = "v=" + v.toString(16);
            assertEquals(v.multiply(rInv).mod(q), form, "Montgomery form v·R^-1, " + at);
            assertTrue(form.compareTo(q) < 0, "fully reduced, " + at);
            assertEquals(
                    v.multiply(rInv).multiply(rInv).mod(q),
                    f.scalar(out, f.n, t).toBigInteger(),
                    at);
            assertEquals(-1L, out[f.n - 1], "the slot before is untouched");
            assertEquals(-1L, out[2 * f.n], "the slot after is untouched");
        }
    }

    private static long[] limbs(BigInteger v, int n) {
        long[] out = new long[n];
        for (int j = 0; j < n; j++) {
            out[j] = v.shiftRight(64 * j).longValue();
        }
        return out;
    }

    private static BigInteger value(long[] limbs) {
        BigInteger v = BigInteger.ZERO;
        for (int j = limbs.length - 1; j >= 0; j--) {
            v = v.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(limbs[j])));
        }
        return v;
    }

    private static byte[] littleEndian(BigInteger v, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }
}
