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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Group laws and encodings that must hold on each of the seven curves, over random scalars. */
class CurvePropertiesTest {
    private static final int ROUNDS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<CurveName, int[]> LENGTHS = Map.of( // point, public key, scalar
            CurveName.SECP256K1, new int[] {33, 33, 32},
            CurveName.ED25519, new int[] {32, 32, 32},
            CurveName.P256, new int[] {33, 33, 32},
            CurveName.P384, new int[] {49, 49, 48},
            CurveName.P521, new int[] {67, 67, 66},
            CurveName.ED448, new int[] {57, 57, 57},
            CurveName.SECP256K1_SCHNORR, new int[] {33, 32, 32});

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void scalarMultiplicationIsLinear(CurveName name) {
        Curve c = name.curve();
        for (int i = 0; i < ROUNDS; i++) {
            BigInteger a = c.randomScalar(RANDOM);
            BigInteger b = c.randomScalar(RANDOM);
            Point aG = c.multiplyBase(a);
            assertEquals(c.multiplyBase(a.add(b)), aG.add(c.multiplyBase(b)));
            assertEquals(aG, c.generator().multiply(a));
            assertEquals(aG.hashCode(), c.generator().multiply(a).hashCode());
            assertEquals(aG.multiply(b), c.multiplyBase(a.multiply(b)));
            assertEquals(aG.add(aG), aG.multiply(BigInteger.TWO));
        }
    }

    /** Public k·G takes a signed-digit table on Weierstrass curves: digits at the window edges and carries. */
    @ParameterizedTest
    @EnumSource(CurveName.class)
    void publicMultiplesOfTheGeneratorMatchTheConstantTimeOnes(CurveName name) {
        Curve c = name.curve();
        List<BigInteger> ks = new ArrayList<>();
        for (long k : new long[] {1, 2, 31, 32, 33, 63, 64, 65, 2047, 2048, 4095, 4096}) {
            ks.add(BigInteger.valueOf(k));
        }
        for (int shift = 0; shift < c.order().bitLength(); shift += 6) {
            ks.add(BigInteger.valueOf(32).shiftLeft(shift));
            ks.add(BigInteger.valueOf(33).shiftLeft(shift));
            ks.add(BigInteger.ONE.shiftLeft(shift + 6).subtract(BigInteger.ONE)); // every digit 63: a carry chain
        }
        ks.add(c.order().subtract(BigInteger.ONE));
        ks.add(c.order().subtract(BigInteger.TWO));
        ks.add(c.order().shiftRight(1));
        for (int i = 0; i < ROUNDS; i++) {
            ks.add(c.randomScalar(RANDOM));
        }
        for (BigInteger k : ks) {
            BigInteger reduced = k.mod(c.order());
            if (reduced.signum() == 0) {
                continue;
            }
            assertEquals(c.multiplyBase(reduced), c.generator().multiply(k), "k = " + k.toString(16));
        }
        assertTrue(c.generator().multiply(BigInteger.ZERO).isIdentity());
        assertTrue(c.generator().multiply(c.order()).isIdentity());
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void theGeneratorHasTheGroupOrder(CurveName name) {
        Curve c = name.curve();
        BigInteger nMinus1 = c.order().subtract(BigInteger.ONE);
        assertTrue(c.generator().multiply(nMinus1).add(c.generator()).isIdentity());
        assertEquals(c.generator().negate(), c.multiplyBase(nMinus1));
        assertTrue(c.multiplyBase(c.order()).isIdentity());
        assertFalse(c.generator().isIdentity());
        assertTrue(c.order().isProbablePrime(64));
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void identityNegationAndSubtraction(CurveName name) {
        Curve c = name.curve();
        Point p = c.multiplyBase(c.randomScalar(RANDOM));
        assertTrue(p.subtract(p).isIdentity());
        assertTrue(p.add(p.negate()).isIdentity());
        assertEquals(p, p.negate().negate());
        assertNotEquals(p, p.negate());
        assertEquals(p, p.add(c.identity()));
        assertEquals(p, c.identity().add(p));
        assertTrue(c.identity().isIdentity());
        assertEquals(c.identity(), p.subtract(p));
        assertThrows(IllegalStateException.class, () -> c.identity().encode());
        byte[] e = p.encode();
        byte[] n = p.negate().encode();
        // The negation differs only in the sign of the other coordinate: the SEC1 prefix or the RFC 8032 top bit.
        int signByte = c instanceof EdwardsCurve ? e.length - 1 : 0;
        for (int i = 0; i < e.length; i++) {
            if (i != signByte) {
                assertEquals(e[i], n[i]);
            }
        }
        assertNotEquals(e[signByte], n[signByte]);
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void encodingsRoundTrip(CurveName name) {
        Curve c = name.curve();
        int[] lengths = LENGTHS.get(name);
        assertEquals(lengths[0], c.pointLength());
        for (int i = 0; i < ROUNDS; i++) {
            Point p = c.multiplyBase(c.randomScalar(RANDOM));
            byte[] enc = p.encode();
            assertEquals(lengths[0], enc.length);
            assertEquals(p, c.decodePoint(enc));
            byte[] pub = c.encodePublicKey(p);
            assertEquals(lengths[1], pub.length);
            Point back = c.decodePublicKey(pub);
            if (name == CurveName.SECP256K1_SCHNORR) {
                // x-only keeps x: the key lifts to whichever of ±P has even y.
                assertEquals(((WeierstrassPoint) p).hasEvenY() ? p : p.negate(), back);
            } else {
                assertEquals(p, back);
            }
            assertArrayEquals(pub, c.encodePublicKey(back));
        }
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void multiSumIsTheSumOfSingleMultiplications(CurveName name) {
        Curve c = name.curve();
        for (int count = 0; count <= 5; count++) {
            BigInteger[] ks = new BigInteger[count];
            Point[] ps = new Point[count];
            Point expected = c.identity();
            for (int i = 0; i < count; i++) {
                // Include scalars outside [0, n): they act modulo n.
                ks[i] = i == 1
                        ? c.order().add(BigInteger.valueOf(5))
                        : i == 2 ? BigInteger.valueOf(-3) : c.randomScalar(RANDOM);
                ps[i] = c.multiplyBase(c.randomScalar(RANDOM));
                expected = expected.add(ps[i].multiply(ks[i]));
            }
            assertEquals(expected, c.multiSum(ks, ps));
        }
        assertThrows(IllegalArgumentException.class, () -> c.multiSum(new BigInteger[] {BigInteger.ONE}, new Point[0]));
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void multiSumTermsOfOneMinusOneAndZeroAreAddedSubtractedAndDropped(CurveName name) {
        Curve c = name.curve();
        Point p = c.multiplyBase(c.randomScalar(RANDOM));
        Point q = c.multiplyBase(c.randomScalar(RANDOM));
        Point s = c.multiplyBase(c.randomScalar(RANDOM));
        BigInteger k = c.randomScalar(RANDOM);
        BigInteger minusOne = c.order().subtract(BigInteger.ONE);
        Point expected = p.subtract(q).add(s.multiply(k));
        assertEquals(
                expected,
                c.multiSum(
                                new BigInteger[] {BigInteger.ONE, minusOne, BigInteger.ZERO, k, BigInteger.valueOf(-1)},
                                new Point[] {p, q, s, s, c.generator()})
                        .add(c.generator()));
        assertEquals(p.subtract(q), c.multiSum(new BigInteger[] {BigInteger.ONE, minusOne}, new Point[] {p, q}));
        assertTrue(c.multiSum(new BigInteger[] {BigInteger.ONE, minusOne}, new Point[] {p, p})
                .isIdentity());
        assertTrue(
                c.multiSum(new BigInteger[] {BigInteger.ZERO}, new Point[] {p}).isIdentity());
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void multiSumOfManyTermsIsTheSumOfSingleMultiplications(CurveName name) {
        Curve c = name.curve();
        int count = 300;
        BigInteger[] ks = new BigInteger[count];
        Point[] ps = new Point[count];
        Point base = c.multiplyBase(c.randomScalar(RANDOM));
        for (int i = 0; i < count; i++) {
            // full-size, 128-bit, zero, n - 1 (every digit at its top) and repeated points
            ks[i] = switch (i % 4) {
                case 0 -> c.randomScalar(RANDOM);
                case 1 -> new BigInteger(128, RANDOM);
                case 2 -> i == 2 ? BigInteger.ZERO : c.order().subtract(BigInteger.ONE);
                default -> c.order().add(BigInteger.valueOf(i));
            };
            ps[i] = i % 7 == 0 ? base : c.multiplyBase(c.randomScalar(RANDOM));
        }
        Point expected = c.multiSum(ks, ps);
        assertEquals(expected, c.multiSumMany(ks, ps));
        // a sum that cancels to the identity, as a batch of valid proofs does
        ks[count - 1] = BigInteger.ZERO;
        Point partial = c.multiSumMany(ks, ps);
        ks[count - 1] = BigInteger.ONE;
        ps[count - 1] = partial.negate();
        assertTrue(c.multiSumMany(ks, ps).isIdentity());
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void scalarCodecIsStrict(CurveName name) {
        Curve c = name.curve();
        int length = LENGTHS.get(name)[2];
        assertEquals(length, c.scalarLength());
        BigInteger k = c.randomScalar(RANDOM);
        assertEquals(k, c.decodeScalar(c.encodeScalar(k)));
        assertEquals(k, c.decodeNonZeroScalar(c.encodeScalar(k)));
        byte[] one = c.encodeScalar(BigInteger.ONE);
        boolean littleEndian = c instanceof EdwardsCurve;
        assertEquals(1, one[littleEndian ? 0 : length - 1]);
        byte[] zero = new byte[length];
        assertEquals(BigInteger.ZERO, c.decodeScalar(zero));
        assertMessage(() -> c.decodeNonZeroScalar(zero), "zero");
        byte[] n = encodeRaw(c.order(), length, littleEndian);
        assertMessage(() -> c.decodeScalar(n), "group order");
        byte[] max = new byte[length];
        Arrays.fill(max, (byte) 0xff);
        assertMessage(() -> c.decodeScalar(max), "group order");
        assertMessage(() -> c.decodeScalar(new byte[length - 1]), "must be " + length + " bytes");
        assertMessage(() -> c.decodeScalar(new byte[length + 1]), "must be " + length + " bytes");
        assertMessage(() -> c.decodeScalar(null), "must be " + length + " bytes");
        assertThrows(IllegalArgumentException.class, () -> c.encodeScalar(c.order()));
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void hashAndRandomScalarsAreInRange(CurveName name) {
        Curve c = name.curve();
        byte[] data = {1, 2, 3};
        BigInteger h = c.hashToScalar("test", data);
        assertEquals(h, c.hashToScalar("test", data));
        assertNotEquals(h, c.hashToScalar("other", data));
        // Length prefixes keep ("ab","c") and ("a","bc") apart.
        assertNotEquals(
                c.hashToScalar("t", new byte[] {1, 2}, new byte[] {3}),
                c.hashToScalar("t", new byte[] {1}, new byte[] {2, 3}));
        assertTrue(h.signum() >= 0 && h.compareTo(c.order()) < 0);
        for (int i = 0; i < ROUNDS; i++) {
            BigInteger r = c.randomScalar(RANDOM);
            assertTrue(r.signum() > 0 && r.compareTo(c.order()) < 0);
        }
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void pointsOfAnotherCurveAreRefused(CurveName name) {
        Curve c = name.curve();
        CurveName otherName = name == CurveName.ED25519 ? CurveName.ED448 : CurveName.ED25519;
        Point other = otherName.curve().generator();
        assertThrows(IllegalArgumentException.class, () -> c.generator().add(other));
        assertThrows(IllegalArgumentException.class, () -> c.encodePublicKey(other));
        assertThrows(
                IllegalArgumentException.class,
                () -> c.multiSum(new BigInteger[] {BigInteger.ONE}, new Point[] {other}));
        assertNotEquals(c.generator(), other);
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void derivationSchemeFollowsTheDesign(CurveName name) {
        DerivationScheme expected = switch (name) {
            case SECP256K1, SECP256K1_SCHNORR -> DerivationScheme.BIP32;
            case P256, P384, P521 -> DerivationScheme.SLIP10;
            case ED25519, ED448 -> DerivationScheme.EDWARDS_ADDITIVE;
        };
        assertEquals(expected, name.curve().derivationScheme());
        assertEquals(name, name.curve().name());
    }

    private static byte[] encodeRaw(BigInteger v, int length, boolean littleEndian) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[length];
        System.arraycopy(
                be, Math.max(0, be.length - length), out, Math.max(0, length - be.length), Math.min(length, be.length));
        if (littleEndian) {
            ScalarCodec.reverse(out);
        }
        return out;
    }

    private static void assertMessage(Executable call, String text) {
        InvalidEncodingException e = assertThrows(InvalidEncodingException.class, call);
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
