package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fixed-width constant-time arithmetic agrees with BigInteger on random and edge values for the
 * order of every curve (secp256k1, P-256, P-384, P-521, Ed25519, Ed448).
 */
class ScalarFieldTest {
    private static final int ROUNDS = 400;

    /** 0, 1, 2, q-1, q-2, q/2, and 2^k-1, 2^k, 2^k+1 for limb and word boundaries and the top bits of q. */
    static List<BigInteger> edges(BigInteger q) {
        Set<BigInteger> out = new LinkedHashSet<>(List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                q.subtract(BigInteger.ONE),
                q.subtract(BigInteger.TWO),
                q.shiftRight(1),
                q.shiftRight(1).add(BigInteger.ONE)));
        int bits = q.bitLength();
        for (int k : new int[] {8, 31, 32, 33, 63, 64, 65, 128, 224, 255, 256, bits - 2, bits - 1}) {
            if (k > 0 && k < bits + 1) {
                BigInteger p = BigInteger.ONE.shiftLeft(k);
                for (BigInteger v : List.of(p.subtract(BigInteger.ONE), p, p.add(BigInteger.ONE))) {
                    out.add(v.mod(q));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static List<BigInteger> samples(BigInteger q, Random rnd) {
        List<BigInteger> out = edges(q);
        for (int i = 0; i < ROUNDS; i++) {
            out.add(new BigInteger(q.bitLength() + 8, rnd).mod(q));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void addSubtractMultiplyNegateMatchBigInteger(CurveName name) {
        ScalarField f = name.curve().scalars();
        BigInteger q = f.order();
        List<BigInteger> xs = samples(q, new Random(42));
        List<BigInteger> edges = edges(q);
        // every pair of edge values, then random pairs
        List<BigInteger[]> pairs = new ArrayList<>();
        for (BigInteger a : edges) {
            for (BigInteger b : edges) {
                pairs.add(new BigInteger[] {a, b});
            }
        }
        for (int i = 0; i < xs.size(); i++) {
            pairs.add(new BigInteger[] {xs.get(i), xs.get((i * 7 + 3) % xs.size())});
        }
        for (BigInteger[] p : pairs) {
            BigInteger a = p[0];
            BigInteger b = p[1];
            Scalar sa = f.of(a);
            Scalar sb = f.of(b);
            assertEquals(a.add(b).mod(q), sa.add(sb).toBigInteger(), "add");
            assertEquals(a.subtract(b).mod(q), sa.subtract(sb).toBigInteger(), "sub");
            assertEquals(a.multiply(b).mod(q), sa.multiply(sb).toBigInteger(), "mul");
            assertEquals(a.negate().mod(q), sa.negate().toBigInteger(), "neg");
            assertEquals(a.negate().mod(q), sa.negateIf(true).toBigInteger(), "negateIf(true)");
            assertEquals(a, sa.negateIf(false).toBigInteger(), "negateIf(false)");
            assertEquals(a, Scalar.select(0, sa, sb).toBigInteger(), "select(0)");
            assertEquals(b, Scalar.select(1, sa, sb).toBigInteger(), "select(1)");
            assertEquals(a.signum() == 0, sa.isZero());
            assertEquals(a.equals(b), sa.sameValue(sb));
        }
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void wideReductionMatchesBigInteger(CurveName name) {
        ScalarField f = name.curve().scalars();
        Random rnd = new Random(7);
        for (int len : new int[] {1, 31, 32, 48, 57, 64, 66, 82, 100, 114, 128}) {
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
    @EnumSource(CurveName.class)
    void encodingIsTheCurvesAndDecodingIsStrict(CurveName name) {
        Curve curve = name.curve();
        ScalarField f = curve.scalars();
        BigInteger q = f.order();
        assertEquals(curve.order(), q);
        assertEquals(curve.scalarLength(), f.byteLength());
        for (BigInteger a : samples(q, new Random(3)).subList(0, 80)) {
            byte[] enc = f.of(a).encode();
            assertArrayEquals(curve.encodeScalar(a), enc);
            assertEquals(a, f.decode(enc).toBigInteger());
            assertEquals(a, curve.decodeScalar(enc));
        }
        assertThrows(InvalidEncodingException.class, () -> f.decode(orderEncoding(curve)), "q itself");
        assertThrows(InvalidEncodingException.class, () -> f.decode(new byte[f.byteLength() + 1]));
        assertThrows(InvalidEncodingException.class, () -> f.decode(null));
        byte[] allOnes = new byte[f.byteLength()];
        Arrays.fill(allOnes, (byte) 0xff);
        assertThrows(InvalidEncodingException.class, () -> f.decode(allOnes));
        assertThrows(InvalidEncodingException.class, () -> f.decodeNonZero(new byte[f.byteLength()]));
        assertTrue(f.decode(new byte[f.byteLength()]).isZero());
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void secretBaseMultiplicationAndHashingMatchTheBigIntegerPaths(CurveName name) {
        Curve curve = name.curve();
        ScalarField f = curve.scalars();
        for (BigInteger a : edges(f.order())) {
            if (a.signum() > 0) {
                assertEquals(curve.multiplyBase(a), curve.multiplyBase(f.of(a)), "k·G for k = " + a);
            }
        }
        byte[] part = {1, 2, 3};
        assertEquals(
                curve.hashToScalar("tag", part),
                curve.hashToSecretScalar("tag", part).toBigInteger());
        Curve other = name == CurveName.ED25519 ? CurveName.ED448.curve() : CurveName.ED25519.curve();
        assertThrows(
                IllegalArgumentException.class,
                () -> curve.multiplyBase(other.scalars().of(5)));
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void randomScalarsAreNonZeroBelowTheOrderAndUseTheTopBits(CurveName name) {
        ScalarField f = name.curve().scalars();
        SecureRandom random = new SecureRandom();
        BigInteger half = f.order().shiftRight(1);
        int above = 0;
        for (int i = 0; i < 200; i++) {
            BigInteger v = f.random(random).toBigInteger();
            assertTrue(v.signum() > 0 && v.compareTo(f.order()) < 0);
            above += v.compareTo(half) > 0 ? 1 : 0;
        }
        // Uniform: about half above q/2 (a masking slip would leave the top half empty).
        assertTrue(above > 60 && above < 140, "values above q/2: " + above + " of 200");
    }

    @Test
    void aSelectIsANewScalarOfTheLowBitsChoiceAndRefusesMixedGroups() {
        ScalarField f = CurveName.P256.curve().scalars();
        Scalar zero = f.of(7);
        Scalar one = f.of(11);
        assertEquals(BigInteger.valueOf(7), Scalar.select(2, zero, one).toBigInteger(), "only the low bit counts");
        assertEquals(BigInteger.valueOf(11), Scalar.select(-1, zero, one).toBigInteger(), "only the low bit counts");
        Scalar picked = Scalar.select(1, zero, one);
        one.destroy();
        // a copy: wiping the chosen input leaves the choice intact
        assertEquals(BigInteger.valueOf(11), picked.toBigInteger());
        assertThrows(IllegalStateException.class, () -> Scalar.select(0, zero, one), "a destroyed input");
        Scalar other = CurveName.SECP256K1.curve().scalars().of(7);
        assertThrows(IllegalArgumentException.class, () -> Scalar.select(0, zero, other));
    }

    @Test
    void destroyedScalarsCannotBeUsedAndNeverPrintTheirValue() {
        ScalarField f = CurveName.SECP256K1.curve().scalars();
        Scalar s = f.of(12345);
        assertFalse(f.of(1).toString().contains("1"));
        s.destroy();
        assertTrue(s.isDestroyed());
        assertThrows(IllegalStateException.class, s::encode);
        assertNotEquals(
                CurveName.SECP256K1.curve().scalars(), CurveName.P256.curve().scalars());
    }

    // q in the curve's scalar encoding: the smallest non-canonical value.
    private static byte[] orderEncoding(Curve curve) {
        byte[] be = curve.order().toByteArray();
        byte[] out = new byte[curve.scalarLength()];
        int copy = Math.min(be.length, out.length);
        System.arraycopy(be, be.length - copy, out, out.length - copy, copy);
        return curve instanceof EdwardsCurve ? reversed(out) : out;
    }

    private static byte[] reversed(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
