package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.Arrays;
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
}
