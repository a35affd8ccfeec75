package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AffineFieldTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void productsDifferencesNegationsAndInversesAgreeWithBigIntegerAtTheEdgesAndAtRandom(CurveName name) {
        AffineField f = AffineField.of(name);
        BigInteger p = ((WeierstrassCurve) Curves.of(name)).bcCurve().getField().getCharacteristic();
        List<BigInteger> values = edges(p);
        for (int i = 0; i < 400; i++) {
            values.add(new BigInteger(p.bitLength(), RANDOM).mod(p));
            // values with long runs of ones and zeros, where carries and borrows run furthest
            values.add(BigInteger.ONE
                    .shiftLeft(RANDOM.nextInt(p.bitLength()))
                    .subtract(BigInteger.ONE)
                    .mod(p));
        }
        int[] z = new int[f.words()];
        for (BigInteger a : values) {
            int[] x = f.fromBigInteger(a);
            for (int k = 0; k < 12; k++) {
                BigInteger b = values.get(RANDOM.nextInt(values.size()));
                int[] y = f.fromBigInteger(b);
                f.mul(x, y, z);
                assertEquals(a.multiply(b).mod(p), f.toBigInteger(z), a.toString(16) + " · " + b.toString(16));
                f.sub(x, y, z);
                assertEquals(a.subtract(b).mod(p), f.toBigInteger(z), a.toString(16) + " - " + b.toString(16));
            }
            f.sqr(x, z);
            assertEquals(a.multiply(a).mod(p), f.toBigInteger(z));
            if (a.signum() != 0) {
                f.inv(x, z);
                assertEquals(a.modInverse(p), f.toBigInteger(z));
                int[] y = x.clone();
                f.negateIf(1, y);
                assertEquals(p.subtract(a), f.toBigInteger(y));
                f.negateIf(0, y);
                assertEquals(p.subtract(a), f.toBigInteger(y));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void anOperandMayBeTheResult(CurveName name) {
        AffineField f = AffineField.of(name);
        int[] x = f.fromBigInteger(BigInteger.valueOf(3));
        int[] y = f.fromBigInteger(BigInteger.valueOf(5));
        f.mul(x, y, x);
        assertArrayEquals(f.fromBigInteger(BigInteger.valueOf(15)), x);
        f.sub(y, x, y);
        f.mul(y, y, y);
        assertArrayEquals(f.fromBigInteger(BigInteger.valueOf(100)), y);
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"P384", "P521", "ED25519"})
    void onlySecp256k1AndP256HaveTheirOwnArithmetic(CurveName name) {
        assertNull(Field256.of(name));
        if (name == CurveName.ED25519) {
            assertThrows(IllegalArgumentException.class, () -> AffineField.of(name));
        } else {
            assertFalse(AffineField.of(name) instanceof Field256);
        }
    }

    private static List<BigInteger> edges(BigInteger p) {
        List<BigInteger> out = new ArrayList<>();
        for (BigInteger v : new BigInteger[] {
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TWO,
            p.subtract(BigInteger.ONE),
            p.subtract(BigInteger.TWO),
            p.shiftRight(1),
            BigInteger.ONE.shiftLeft(255),
            BigInteger.ONE.shiftLeft(224),
            BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(32),
            BigInteger.ONE.shiftLeft(256).subtract(p), // 2^256 mod p
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)
        }) {
            out.add(v.mod(p));
        }
        return out;
    }
}
