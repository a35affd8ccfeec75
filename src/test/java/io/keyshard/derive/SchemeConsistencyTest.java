package io.keyshard.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What signing will rely on, for every curve: the derived public key is the start key plus
 * tweak·G, so servers holding Shamir shares of the start key's secret can add the tweak to their
 * shares and still interpolate to the child. Each scheme's step is also recomputed here with the
 * JDK's own HMAC-SHA512 from the formulas of docs/derivation.md (Derivation schemes) and SLIP-10.
 */
class SchemeConsistencyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] hmac(byte[] key, byte[]... parts) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(key, "HmacSHA512"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    private static byte[] ser32(int i) {
        return new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    private static ExtendedPublicKey randomRoot(CurveName name, BigInteger secret) {
        byte[] chainCode = new byte[32];
        RANDOM.nextBytes(chainCode);
        Point a = name.curve().multiplyBase(secret);
        return new ExtendedPublicKey(name, a, chainCode, 0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void childIsStartPlusTweakTimesG(CurveName name) {
        Curve curve = name.curve();
        BigInteger a = curve.randomScalar(RANDOM);
        ExtendedPublicKey root = randomRoot(name, a);
        DerivedKey d = PublicDerivation.derive(root, DerivationPath.parse("m/44/1/0/0/7"));
        assertEquals(curve.multiplyBase(a.add(d.tweak())), d.key().point());
        assertEquals(5, d.key().depth());
        assertEquals(7, d.key().childNumber());
        assertTrue(d.description().contains("5 non-hardened steps"), d.description());
    }

    @ParameterizedTest
    @EnumSource(CurveName.class)
    void tweakedSharesInterpolateToTheDerivedKey(CurveName name) {
        Curve curve = name.curve();
        BigInteger n = curve.order();
        // A 2-of-3 Shamir sharing f(x) = a + c·x, verification shares X_j = f(j)·G.
        BigInteger a = curve.randomScalar(RANDOM);
        BigInteger c = curve.randomScalar(RANDOM);
        BigInteger[] shares = new BigInteger[4];
        Point[] verification = new Point[4];
        for (int j = 1; j <= 3; j++) {
            shares[j] = a.add(c.multiply(BigInteger.valueOf(j))).mod(n);
            verification[j] = curve.multiplyBase(shares[j]);
        }
        DerivedKey d = PublicDerivation.derive(randomRoot(name, a), DerivationPath.parse("m/0/5"));
        Point tweakG = curve.multiplyBase(d.tweak());
        // Servers 1 and 3 sign: lambda_1 = 3/(3-1), lambda_3 = 1/(1-3).
        BigInteger l1 = BigInteger.valueOf(3)
                .multiply(BigInteger.valueOf(2).modInverse(n))
                .mod(n);
        BigInteger l3 = BigInteger.valueOf(-1)
                .multiply(BigInteger.valueOf(2).modInverse(n))
                .mod(n);
        Point fromVerification = curve.multiSum(
                new BigInteger[] {l1, l3}, new Point[] {verification[1].add(tweakG), verification[3].add(tweakG)});
        assertEquals(d.key().point(), fromVerification);
        BigInteger childSecret = l1.multiply(shares[1].add(d.tweak()))
                .add(l3.multiply(shares[3].add(d.tweak())))
                .mod(n);
        assertEquals(d.key().point(), curve.multiplyBase(childSecret));
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"ED25519", "ED448"})
    void edwardsStepFollowsTheDesignFormula(CurveName name) throws GeneralSecurityException {
        Curve curve = name.curve();
        ExtendedPublicKey parent = randomRoot(name, curve.randomScalar(RANDOM));
        int index = 123456;
        byte[] i = hmac(parent.chainCode(), parent.point().encode(), new byte[] {0x00}, ser32(index));
        BigInteger tweak = new BigInteger(1, Arrays.copyOf(i, 32)).mod(curve.order());
        ExtendedPublicKey child = PublicDerivation.child(parent, index);
        assertEquals(parent.point().add(curve.multiplyBase(tweak)), child.point());
        assertArrayEquals(Arrays.copyOfRange(i, 32, 64), child.chainCode());
        assertEquals(curve.pointLength(), child.publicKey().length);
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"P384", "P521"})
    void slip10OnTheLargerNistCurvesUsesTheCompressedPoint(CurveName name) throws GeneralSecurityException {
        Curve curve = name.curve();
        ExtendedPublicKey parent = randomRoot(name, curve.randomScalar(RANDOM));
        int index = 42;
        byte[] i = hmac(parent.chainCode(), parent.point().encode(), ser32(index));
        BigInteger il = new BigInteger(1, Arrays.copyOf(i, 32));
        ExtendedPublicKey child = PublicDerivation.child(parent, index);
        assertEquals(parent.point().add(curve.multiplyBase(il)), child.point());
        assertArrayEquals(Arrays.copyOfRange(i, 32, 64), child.chainCode());
        assertEquals(parent.fingerprint(), child.parentFingerprint());
    }

    @Test
    void schnorrKeysDeriveOnTheFullPointAndEncodeXOnlyAtTheEnd() {
        Curve k1 = CurveName.SECP256K1.curve();
        BigInteger a = k1.randomScalar(RANDOM);
        byte[] chainCode = new byte[32];
        RANDOM.nextBytes(chainCode);
        Point even = k1.multiplyBase(a);
        byte[] xOnly = Arrays.copyOfRange(even.encode(), 1, 33);
        ExtendedPublicKey schnorr = ExtendedPublicKey.root(CurveName.SECP256K1_SCHNORR, xOnly, chainCode);
        ExtendedPublicKey plain = new ExtendedPublicKey(
                CurveName.SECP256K1, even.encode()[0] == 2 ? even : even.negate(), chainCode, 0, 0, 0);
        DerivationPath path = DerivationPath.parse("m/86/0/0/0/3");
        byte[] full = PublicDerivation.derive(plain, path).key().point().encode();
        assertArrayEquals(
                Arrays.copyOfRange(full, 1, 33),
                PublicDerivation.derive(schnorr, path).key().publicKey());
    }

    @Test
    void aPathThatWouldGoBelowDepth255IsRefused() {
        ExtendedPublicKey deep = new ExtendedPublicKey(
                CurveName.SECP256K1, CurveName.SECP256K1.curve().generator(), new byte[32], 254, 1, 1);
        IllegalArgumentException e = Assertions.assertThrows(
                IllegalArgumentException.class, () -> PublicDerivation.derive(deep, DerivationPath.parse("m/0/0")));
        assertTrue(e.getMessage().contains("deeper than 255"), e.getMessage());
    }
}
