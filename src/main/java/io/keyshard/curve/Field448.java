package io.keyshard.curve;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X448Field;

/** GF(2^448 - 2^224 - 1) on Bouncy Castle's public {@code X448Field} limbs (16 unsigned 28-bit limbs). */
final class Field448 implements EdwardsField {
    static final Field448 INSTANCE = new Field448();
    private static final BigInteger P = BigInteger.ONE
            .shiftLeft(448)
            .subtract(BigInteger.ONE.shiftLeft(224))
            .subtract(BigInteger.ONE);

    private static final int[] ZERO = X448Field.create();

    private Field448() {}

    @Override
    public BigInteger prime() {
        return P;
    }

    @Override
    public int elementBytes() {
        return 56;
    }

    @Override
    public int[] create() {
        return X448Field.create();
    }

    @Override
    public void copy(int[] x, int[] z) {
        X448Field.copy(x, 0, z, 0);
    }

    @Override
    public void one(int[] z) {
        X448Field.one(z);
    }

    // X448Field's limbs are unsigned: add does not carry (we do), sub adds 2p and carries itself.
    @Override
    public void add(int[] x, int[] y, int[] z) {
        X448Field.add(x, y, z);
        X448Field.carry(z);
    }

    @Override
    public void sub(int[] x, int[] y, int[] z) {
        X448Field.sub(x, y, z);
    }

    @Override
    public void negate(int[] x, int[] z) {
        X448Field.sub(ZERO, x, z);
    }

    @Override
    public void mul(int[] x, int[] y, int[] z) {
        X448Field.mul(x, y, z);
    }

    @Override
    public void sqr(int[] x, int[] z) {
        X448Field.sqr(x, z);
    }

    @Override
    public void inv(int[] x, int[] z) {
        X448Field.inv(x, z);
    }

    @Override
    public void normalize(int[] z) {
        X448Field.normalize(z);
    }

    @Override
    public boolean isZero(int[] x) {
        return X448Field.isZeroVar(x);
    }

    @Override
    public boolean equal(int[] x, int[] y) {
        return X448Field.areEqualVar(x, y);
    }

    @Override
    public void cmov(int mask, int[] x, int[] z) {
        X448Field.cmov(mask, x, 0, z, 0);
    }

    @Override
    public void cnegate(int bit, int[] z) {
        X448Field.cnegate(bit, z);
    }

    @Override
    public void encode(int[] x, byte[] out, int off) {
        X448Field.encode(x, out, off);
    }

    @Override
    public void decode(byte[] in, int off, int[] z) {
        X448Field.decode(in, off, z);
    }

    @Override
    public boolean sqrtRatio(int[] u, int[] v, int[] z) {
        return X448Field.sqrtRatioVar(u, v, z);
    }
}
