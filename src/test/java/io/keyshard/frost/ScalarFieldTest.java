package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.InvalidEncodingException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fixed-width constant-time arithmetic agrees with BigInteger on random and edge values for every group order. */
class ScalarFieldTest {
    private static final int ROUNDS = 400;

    private static List<BigInteger> samples(BigInteger n, Random rnd) {
        List<BigInteger> out = new ArrayList<>(List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                n.subtract(BigInteger.ONE),
                n.subtract(BigInteger.TWO),
                n.shiftRight(1),
                n.shiftRight(1).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(n.bitLength() - 1),
                BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)));
        for (int i = 0; i < ROUNDS; i++) {
            out.add(new BigInteger(n.bitLength() + 8, rnd).mod(n));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void addSubtractMultiplyNegateMatchBigInteger(Ciphersuite suite) {
        ScalarField f = suite.scalars();
        BigInteger n = f.order();
        Random rnd = new Random(42);
        List<BigInteger> xs = samples(n, rnd);
        for (int i = 0; i < xs.size(); i++) {
            BigInteger a = xs.get(i);
            BigInteger b = xs.get((i * 7 + 3) % xs.size());
            Scalar sa = f.of(a);
            Scalar sb = f.of(b);
            assertEquals(a.add(b).mod(n), sa.add(sb).toBigInteger(), "add");
            assertEquals(a.subtract(b).mod(n), sa.subtract(sb).toBigInteger(), "sub");
            assertEquals(a.multiply(b).mod(n), sa.multiply(sb).toBigInteger(), "mul");
            assertEquals(a.negate().mod(n), sa.negate().toBigInteger(), "neg");
            assertEquals(a.negate().mod(n), sa.negateIf(true).toBigInteger(), "negateIf(true)");
            assertEquals(a, sa.negateIf(false).toBigInteger(), "negateIf(false)");
            assertEquals(a.signum() == 0, sa.isZero());
            assertEquals(a.equals(b), sa.sameValue(sb));
        }
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void wideReductionMatchesBigInteger(Ciphersuite suite) {
        ScalarField f = suite.scalars();
        Random rnd = new Random(7);
        for (int len : new int[] {1, 31, 32, 48, 57, 64, 100, 114}) {
            for (int i = 0; i < 50; i++) {
                byte[] b = new byte[len];
                rnd.nextBytes(b);
                if (i == 0) {
                    Arrays.fill(b, (byte) 0xff);
                }
                BigInteger be = new BigInteger(1, b);
                byte[] le = reversed(b);
                assertEquals(be.mod(f.order()), f.reduce(b, false).toBigInteger(), "big-endian " + len);
                assertEquals(be.mod(f.order()), f.reduce(le, true).toBigInteger(), "little-endian " + len);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void encodingIsTheCurvesAndDecodingIsStrict(Ciphersuite suite) {
        ScalarField f = suite.scalars();
        BigInteger n = f.order();
        Random rnd = new Random(3);
        for (BigInteger a : samples(n, rnd).subList(0, 60)) {
            byte[] enc = f.of(a).encode();
            assertArrayEquals(suite.curve().encodeScalar(a), enc);
            assertEquals(a, suite.deserializeScalar(enc).toBigInteger());
        }
        assertNull(f.decode(orderEncoding(suite)), "n itself is not canonical");
        assertThrows(InvalidEncodingException.class, () -> suite.deserializeScalar(orderEncoding(suite)));
        assertThrows(InvalidEncodingException.class, () -> suite.deserializeScalar(new byte[f.byteLength() + 1]));
        byte[] allOnes = new byte[f.byteLength()];
        Arrays.fill(allOnes, (byte) 0xff);
        assertThrows(InvalidEncodingException.class, () -> suite.deserializeScalar(allOnes));
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void destroyedScalarsCannotBeUsed(Ciphersuite suite) {
        Scalar s = suite.scalars().of(12345);
        s.destroy();
        assertTrue(s.isDestroyed());
        assertThrows(IllegalStateException.class, s::encode);
        assertFalse(suite.scalars().of(1).toString().contains("1"));
    }

    // n in the suite's scalar encoding: the smallest non-canonical value.
    private static byte[] orderEncoding(Ciphersuite suite) {
        ScalarField f = suite.scalars();
        byte[] be = f.order().toByteArray();
        byte[] out = new byte[f.byteLength()];
        int copy = Math.min(be.length, out.length);
        System.arraycopy(be, be.length - copy, out, out.length - copy, copy);
        if (suite.curve().name().name().startsWith("ED")) {
            return reversed(out);
        }
        return out;
    }

    private static byte[] reversed(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
