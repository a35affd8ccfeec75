package io.keyshard.curve;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/** GF(2^255 - 19) on Bouncy Castle's public {@code X25519Field} limbs (10 signed limbs). */
final class Field25519 implements EdwardsField {
    static final Field25519 INSTANCE = new Field25519();
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private Field25519() {}

    @Override
    public BigInteger prime() {
        return P;
    }

    @Override
    public int elementBytes() {
        return 32;
    }

    @Override
    public int[] create() {
        return X25519Field.create();
    }

    @Override
    public void copy(int[] x, int[] z) {
        X25519Field.copy(x, 0, z, 0);
    }

    @Override
    public void one(int[] z) {
        X25519Field.one(z);
    }

    // X25519Field's add/sub do not carry; carrying keeps every limb in range for mul.
    @Override
    public void add(int[] x, int[] y, int[] z) {
        X25519Field.add(x, y, z);
        X25519Field.carry(z);
    }

    @Override
    public void sub(int[] x, int[] y, int[] z) {
        X25519Field.sub(x, y, z);
        X25519Field.carry(z);
    }

    @Override
    public void negate(int[] x, int[] z) {
        X25519Field.negate(x, z);
        X25519Field.carry(z);
    }

    @Override
    public void mul(int[] x, int[] y, int[] z) {
        X25519Field.mul(x, y, z);
    }

    @Override
    public void sqr(int[] x, int[] z) {
        X25519Field.sqr(x, z);
    }

    @Override
    public void inv(int[] x, int[] z) {
        X25519Field.inv(x, z);
    }

    @Override
    public void normalize(int[] z) {
        X25519Field.normalize(z);
    }

    @Override
    public boolean isZero(int[] x) {
        return X25519Field.isZeroVar(x);
    }

    @Override
    public boolean equal(int[] x, int[] y) {
        return X25519Field.areEqualVar(x, y);
    }

    @Override
    public void cmov(int mask, int[] x, int[] z) {
        X25519Field.cmov(mask, x, 0, z, 0);
    }

    @Override
    public void cnegate(int bit, int[] z) {
        X25519Field.cnegate(bit, z);
    }

    @Override
    public void encode(int[] x, byte[] out, int off) {
        X25519Field.encode(x, out, off);
    }

    @Override
    public void decode(byte[] in, int off, int[] z) {
        X25519Field.decode(in, off, z);
    }

    @Override
    public boolean sqrtRatio(int[] u, int[] v, int[] z) {
        return X25519Field.sqrtRatioVar(u, v, z);
    }
}
