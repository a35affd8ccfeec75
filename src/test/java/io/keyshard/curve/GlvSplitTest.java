package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class GlvSplitTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final WeierstrassCurve CURVE = (WeierstrassCurve) CurveName.SECP256K1.curve();
    private static final BigInteger N = CURVE.order();
    private static final BigInteger L = GlvSplit.LAMBDA;

    /** Edge scalars (0, 1, n - 1, λ and its neighbours, scalars whose halves sit near their bounds) and random ones. */
    private static List<BigInteger> scalars() {
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        List<BigInteger> ks = new ArrayList<>(List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                N.subtract(BigInteger.ONE),
                N.subtract(BigInteger.TWO),
                L,
                L.add(BigInteger.ONE),
                N.subtract(L),
                two128,
                two128.subtract(BigInteger.ONE),
                two128.negate().mod(N),
                two128.subtract(BigInteger.ONE).multiply(L.add(BigInteger.ONE)).mod(N),
                two128.subtract(BigInteger.ONE).multiply(L.negate()).add(two128).mod(N),
                GlvSplit.A1,
                GlvSplit.A2,
                GlvSplit.B1.multiply(L).mod(N),
                N.shiftRight(1),
                N.shiftRight(1).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(255).mod(N),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(N)));
        for (int i = 0; i < 200; i++) {
            ks.add(new BigInteger(264, RANDOM).mod(N));
        }
        return ks;
    }

    @Test
    void theConstantsAreSecp256k1sEndomorphismAndLattice() {
        ECPoint g = CURVE.own(CURVE.generator()).bc();
        ECPoint lg = g.multiply(L).normalize();
        assertEquals(
                g.getAffineXCoord()
                        .toBigInteger()
                        .multiply(GlvSplit.BETA)
                        .mod(CURVE.bcCurve().getField().getCharacteristic()),
                lg.getAffineXCoord().toBigInteger());
        assertEquals(g.getAffineYCoord().toBigInteger(), lg.getAffineYCoord().toBigInteger());
        assertEquals(
                BigInteger.ZERO, GlvSplit.A1.subtract(GlvSplit.B1.multiply(L)).mod(N), "(A1, -B1) in the lattice");
        assertEquals(BigInteger.ZERO, GlvSplit.A2.add(GlvSplit.B2.multiply(L)).mod(N), "(A2, B2) in the lattice");
    }

    @Test
    void theHalvesAreOddShortAndAddUpToTheScalar() {
        ScalarField f = CURVE.scalars();
        for (BigInteger k : scalars()) {
            GlvSplit.Halves h = GlvSplit.split(f.of(k));
            BigInteger m1 = new BigInteger(1, h.m1());
            BigInteger m2 = new BigInteger(1, h.m2());
            assertTrue(m1.testBit(0) && m2.testBit(0), "both halves odd, k = " + k);
            assertTrue(m1.bitLength() <= GlvSplit.HALF_BITS && m2.bitLength() <= GlvSplit.HALF_BITS, "short, k = " + k);
            BigInteger k1 = h.negative1() == 1 ? m1.negate() : m1;
            BigInteger k2 = h.negative2() == 1 ? m2.negate() : m2;
            assertEquals(k, k1.add(k2.multiply(L)).mod(N), "k1 + λ·k2 = k");
        }
    }

    @Test
    void theRoundedProductIsTheNearestInteger() {
        BigInteger g1 = new BigInteger("3086d221a7d46bcde86c90e49284eb153dab", 16);
        for (BigInteger k : scalars()) {
            byte[] be = new byte[32];
            byte[] raw = k.toByteArray();
            int n = Math.min(raw.length, 32);
            System.arraycopy(raw, raw.length - n, be, 32 - n, n);
            BigInteger exact = k.multiply(g1).add(BigInteger.ONE.shiftLeft(271)).shiftRight(272);
            assertEquals(exact, new BigInteger(1, GlvSplit.roundedProduct(be, GlvSplit.limbs(g1, 5), 32)));
        }
    }

    /** The shared window with the endomorphism against Bouncy Castle's plain multiplication, point by point. */
    @Test
    void theEndomorphicWindowAgreesWithThePlainMultiplication() {
        ScalarField f = CURVE.scalars();
        Point p = CURVE.generator().multiply(new BigInteger(256, RANDOM).add(BigInteger.TWO));
        Point q = CURVE.generator().multiply(new BigInteger(256, RANDOM).add(BigInteger.TWO));
        for (BigInteger k : scalars()) {
            Point[] out = SharedScalarMultiplier.times(f.of(k), List.of(p, q, CURVE.generator(), p.negate()));
            assertEquals(p.multiply(k), out[0], "k·P, k = " + k);
            assertEquals(q.multiply(k), out[1], "k·Q, k = " + k);
            assertEquals(CURVE.multiplyBase(k), out[2], "k·G, k = " + k);
            assertEquals(p.negate().multiply(k), out[3], "k·(-P), k = " + k);
        }
    }
}
