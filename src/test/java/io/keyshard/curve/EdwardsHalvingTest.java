package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * The subgroup test by point halving that strict decoding runs agrees with [ℓ]P = O on prime-order points,
 * on each of them with every torsion component added, on the torsion points alone and on random curve points.
 */
class EdwardsHalvingTest {
    private static final EdwardsCurve ED25519 = (EdwardsCurve) CurveName.ED25519.curve();
    private static final EdwardsCurve ED448 = (EdwardsCurve) CurveName.ED448.curve();
    /** A point of order 8 on edwards25519 (curve25519-dalek's EIGHT_TORSION[1]). */
    private static final String ED25519_ORDER_8 = "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a";
    /** (1, 0), of order 4 on edwards448: y = 0, x odd. */
    private static final byte[] ED448_ORDER_4 = EdwardsDecodingTest.encode(57, BigInteger.ZERO, 1);

    private final SecureRandom random = new SecureRandom();

    @Test
    void ed25519AgreesWithTheOrderTestOnEveryTorsionComponent() {
        agreesOnEveryComponent(ED25519, torsion(ED25519, Hex.decode(ED25519_ORDER_8), 8), 2_000);
    }

    @Test
    void ed448AgreesWithTheOrderTestOnEveryTorsionComponent() {
        agreesOnEveryComponent(ED448, torsion(ED448, ED448_ORDER_4, 4), 1_000);
    }

    @Test
    void randomCurvePointsAgreeWithTheOrderTest() {
        for (EdwardsCurve curve : new EdwardsCurve[] {ED25519, ED448}) {
            int accepted = 0;
            int tried = 0;
            while (tried < 1_000) {
                byte[] enc = new byte[curve.pointLength()];
                random.nextBytes(enc);
                enc[enc.length - 1] &= curve == ED448 ? (byte) 0x80 : (byte) 0xff;
                ExtendedCoordinates p;
                try {
                    p = curve.group().decode(enc, "lenient");
                } catch (InvalidEncodingException notAPoint) {
                    continue;
                }
                tried++;
                boolean inSubgroup = timesOrderIsIdentity(curve, p);
                assertEquals(inSubgroup, decodes(curve, enc), () -> curve.name() + " " + Hex.toHexString(enc));
                accepted += inSubgroup ? 1 : 0;
            }
            // About one point in the cofactor lies in the subgroup: both outcomes were exercised.
            assertTrue(accepted > 0 && accepted < tried, curve.name() + " accepted " + accepted + " of " + tried);
        }
    }

    /** k·T for k = 0 .. order − 1, checking that T has exactly that order. */
    private static ExtendedCoordinates[] torsion(EdwardsCurve curve, byte[] generator, int order) {
        EdwardsGroup g = curve.group();
        ExtendedCoordinates t = g.decode(generator, "lenient");
        ExtendedCoordinates[] all = new ExtendedCoordinates[order];
        all[0] = g.identity();
        for (int k = 1; k < order; k++) {
            all[k] = new ExtendedCoordinates(g.f);
            g.add(all[k - 1], g.cached(t), false, all[k]);
            assertFalse(g.isIdentity(all[k]), "the torsion generator has order " + order);
        }
        ExtendedCoordinates back = new ExtendedCoordinates(g.f);
        g.add(all[order - 1], g.cached(t), false, back);
        assertTrue(g.isIdentity(back), "the torsion generator has order " + order);
        return all;
    }

    private void agreesOnEveryComponent(EdwardsCurve curve, ExtendedCoordinates[] torsion, int points) {
        EdwardsGroup g = curve.group();
        // [ℓ](P + T) = [ℓ]P + [ℓ]T: one multiplication per point and per torsion point gives the reference for all.
        ExtendedCoordinates[] orderTimesTorsion = new ExtendedCoordinates[torsion.length];
        for (int k = 0; k < torsion.length; k++) {
            orderTimesTorsion[k] = g.cached(timesOrder(curve, torsion[k]));
        }
        for (int k = 1; k < torsion.length; k++) {
            byte[] alone = new EdwardsPoint(curve, torsion[k]).encode();
            assertFalse(g.isIdentity(timesOrder(curve, torsion[k])));
            InvalidEncodingException e = assertThrows(InvalidEncodingException.class, () -> curve.decodePoint(alone));
            assertTrue(e.getMessage().contains("small order"), e.getMessage());
        }
        for (int i = 0; i < points; i++) {
            ExtendedCoordinates p = ((EdwardsPoint) curve.multiplyBase(curve.randomScalar(random))).coordinates();
            ExtendedCoordinates orderTimesP = timesOrder(curve, p);
            for (int k = 0; k < torsion.length; k++) {
                ExtendedCoordinates q = new ExtendedCoordinates(g.f);
                g.add(p, g.cached(torsion[k]), false, q);
                byte[] enc = new EdwardsPoint(curve, q).encode();
                ExtendedCoordinates orderTimesQ = new ExtendedCoordinates(g.f);
                g.add(orderTimesP, orderTimesTorsion[k], false, orderTimesQ);
                boolean inSubgroup = g.isIdentity(orderTimesQ);
                assertEquals(k == 0, inSubgroup, "[ℓ]P = O exactly without a torsion component");
                if (inSubgroup) {
                    assertEquals(new EdwardsPoint(curve, q), curve.decodePoint(enc));
                } else {
                    int component = k;
                    InvalidEncodingException e = assertThrows(
                            InvalidEncodingException.class,
                            () -> curve.decodePoint(enc),
                            () -> curve.name() + " accepted a point with torsion component " + component);
                    assertTrue(e.getMessage().contains("torsion component"), e.getMessage());
                }
            }
        }
    }

    private static boolean decodes(EdwardsCurve curve, byte[] enc) {
        try {
            curve.decodePoint(enc);
            return true;
        } catch (InvalidEncodingException e) {
            return false;
        }
    }

    /** The reference test: [ℓ]P = O, by the variable-time multiplier. */
    private static boolean timesOrderIsIdentity(EdwardsCurve curve, ExtendedCoordinates p) {
        return curve.group().isIdentity(timesOrder(curve, p));
    }

    private static ExtendedCoordinates timesOrder(EdwardsCurve curve, ExtendedCoordinates p) {
        byte[] le = curve.order().toByteArray();
        ScalarCodec.reverse(le);
        return WnafMultiplier.multiSum(curve.group(), new byte[][] {le}, new ExtendedCoordinates[] {p});
    }
}
