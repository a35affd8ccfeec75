package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Strict RFC 8032 decoding: every rule refuses what it must, and says which rule failed. */
class EdwardsDecodingTest {
    private static final EdwardsCurve ED25519 = (EdwardsCurve) CurveName.ED25519.curve();
    private static final EdwardsCurve ED448 = (EdwardsCurve) CurveName.ED448.curve();
    private static final BigInteger P25519 = Field25519.INSTANCE.prime();
    private static final BigInteger P448 = Field448.INSTANCE.prime();
    private static final BigInteger D25519 = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P25519))
            .mod(P25519);
    private static final BigInteger D448 = BigInteger.valueOf(-39081).mod(P448);

    /**
     * The eight points of order dividing 8 on edwards25519, as listed (with their orders) in
     * curve25519-dalek's EIGHT_TORSION constants and the same table in the Zig standard
     * library's edwards25519 (affineLowOrder): identity, order 2, two of order 4, four of order 8.
     */
    private static final List<String> ED25519_SMALL_ORDER = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85");

    /** edwards448's rational torsion: (0, -1) of order 2, (1, 0) and (-1, 0) of order 4 (RFC 7748 4.2 curve). */
    private static final List<byte[]> ED448_SMALL_ORDER = List.of(
            encode(57, P448.subtract(BigInteger.ONE), 0),
            encode(57, BigInteger.ZERO, 1),
            encode(57, BigInteger.ZERO, 0));

    @Test
    void wrongLengthsAreRefused() {
        for (EdwardsCurve curve : List.of(ED25519, ED448)) {
            int n = curve.pointLength();
            for (byte[] bad : new byte[][] {null, new byte[0], new byte[n - 1], new byte[n + 1], new byte[2 * n]}) {
                refused(curve, bad, "must be " + n + " bytes");
            }
        }
    }

    @Test
    void everyEd25519YAtOrAbovePIsNonCanonical() {
        for (BigInteger y = P25519; y.bitLength() <= 255; y = y.add(BigInteger.ONE)) {
            for (int sign = 0; sign <= 1; sign++) {
                refused(ED25519, encode(32, y, sign), "not below the field prime");
            }
        }
    }

    @Test
    void ed448YAtOrAbovePIsNonCanonical() {
        for (BigInteger y : List.of(
                P448, P448.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(448).subtract(BigInteger.ONE))) {
            for (int sign = 0; sign <= 1; sign++) {
                refused(ED448, encode(57, y, sign), "not below the field prime");
            }
        }
    }

    @Test
    void ed448UnusedBitsMustBeZero() {
        byte[] valid = ED448.multiplyBase(BigInteger.valueOf(7)).encode();
        for (int bit = 0; bit < 7; bit++) {
            byte[] bad = valid.clone();
            bad[56] |= (byte) (1 << bit);
            refused(ED448, bad, "unused bits");
        }
    }

    @Test
    void xZeroWithTheSignBitIsNonCanonical() {
        refused(ED25519, encode(32, BigInteger.ONE, 1), "sign bit is set");
        refused(ED25519, encode(32, P25519.subtract(BigInteger.ONE), 1), "sign bit is set");
        refused(ED448, encode(57, BigInteger.ONE, 1), "sign bit is set");
        refused(ED448, encode(57, P448.subtract(BigInteger.ONE), 1), "sign bit is set");
    }

    @Test
    void aYWithoutAnXIsNotOnTheCurve() {
        // x² = (y² - 1) / (d·y² - a): find y where that is not a square, by Euler's criterion.
        int found25519 = 0;
        int found448 = 0;
        for (int y = 2; y < 60; y++) {
            BigInteger by = BigInteger.valueOf(y);
            if (!isSquare(ratio(by, D25519, BigInteger.ONE.negate(), P25519), P25519)) {
                refused(ED25519, encode(32, by, 0), "not on the curve");
                found25519++;
            }
            if (!isSquare(ratio(by, D448, BigInteger.ONE, P448), P448)) {
                refused(ED448, encode(57, by, 0), "not on the curve");
                found448++;
            }
        }
        assertTrue(found25519 > 5 && found448 > 5, "the search found y values without x");
    }

    @Test
    void theIdentityIsRefused() {
        refused(ED25519, encode(32, BigInteger.ONE, 0), "identity");
        refused(ED448, encode(57, BigInteger.ONE, 0), "identity");
    }

    @Test
    void eachEd25519SmallOrderPointIsRefused() {
        refused(ED25519, Hex.decode(ED25519_SMALL_ORDER.get(0)), "identity");
        for (String hex : ED25519_SMALL_ORDER.subList(1, ED25519_SMALL_ORDER.size())) {
            byte[] enc = Hex.decode(hex);
            ExtendedCoordinates t = ED25519.group().decode(enc, "lenient");
            assertTrue(ED25519.group().isIdentity(times(ED25519, t, 8)), hex + " has order dividing 8");
            refused(ED25519, enc, "small order");
        }
    }

    @Test
    void eachEd448SmallOrderPointIsRefused() {
        for (byte[] enc : ED448_SMALL_ORDER) {
            ExtendedCoordinates t = ED448.group().decode(enc, "lenient");
            assertTrue(ED448.group().isIdentity(times(ED448, t, 4)), Hex.toHexString(enc) + " has order dividing 4");
            refused(ED448, enc, "small order");
        }
    }

    @Test
    void aValidPointPlusATorsionPointIsRefused() {
        SecureRandom random = new SecureRandom();
        for (String hex : ED25519_SMALL_ORDER.subList(1, ED25519_SMALL_ORDER.size())) {
            refusedWithTorsion(ED25519, Hex.decode(hex), random);
        }
        for (byte[] enc : ED448_SMALL_ORDER) {
            refusedWithTorsion(ED448, enc, random);
        }
    }

    @Test
    void validPointsRoundTrip() {
        SecureRandom random = new SecureRandom();
        for (EdwardsCurve curve : List.of(ED25519, ED448)) {
            for (int i = 0; i < 20; i++) {
                Point p = curve.multiplyBase(curve.randomScalar(random));
                byte[] enc = p.encode();
                Point back = curve.decodePoint(enc);
                assertEquals(p, back);
                assertArrayEquals(enc, back.encode());
            }
        }
    }

    private static void refusedWithTorsion(EdwardsCurve curve, byte[] torsionEncoding, SecureRandom random) {
        EdwardsPoint torsion = new EdwardsPoint(curve, curve.group().decode(torsionEncoding, "lenient"));
        Point valid = curve.multiplyBase(curve.randomScalar(random));
        byte[] mixed = valid.add(torsion).encode();
        refused(curve, mixed, "torsion component");
    }

    private static ExtendedCoordinates times(EdwardsCurve curve, ExtendedCoordinates p, int k) {
        EdwardsPoint point = new EdwardsPoint(curve, p);
        return ((EdwardsPoint) point.multiply(BigInteger.valueOf(k))).coordinates();
    }

    private static void refused(Curve curve, byte[] enc, String rule) {
        InvalidEncodingException e = assertThrows(
                InvalidEncodingException.class,
                () -> curve.decodePoint(enc),
                () -> curve.name() + " accepted " + (enc == null ? "null" : Hex.toHexString(enc)));
        assertTrue(e.getMessage().contains(rule), () -> "expected '" + rule + "' in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(curve.name() + " point"), e.getMessage());
    }

    private static BigInteger ratio(BigInteger y, BigInteger d, BigInteger a, BigInteger p) {
        BigInteger y2 = y.multiply(y);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(p);
        BigInteger v = d.multiply(y2).subtract(a).mod(p);
        return u.multiply(v.modInverse(p)).mod(p);
    }

    private static boolean isSquare(BigInteger x, BigInteger p) {
        return x.signum() == 0
                || x.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE);
    }

    /** y little-endian in {@code length} bytes with the sign bit of x on top (RFC 8032). */
    static byte[] encode(int length, BigInteger y, int sign) {
        byte[] be = y.toByteArray();
        byte[] out = new byte[length];
        for (int i = 0; i < be.length && i < length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        out[length - 1] |= (byte) (sign << 7);
        return out;
    }
}
