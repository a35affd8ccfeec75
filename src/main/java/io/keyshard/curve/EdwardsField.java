package io.keyshard.curve;

import java.math.BigInteger;

/**
 * Limb arithmetic of an Edwards curve's base field, so one set of point formulas serves both
 * edwards25519 and edwards448. Every {@code add}/{@code sub} result is carried, so any result
 * may feed {@code mul}/{@code sqr}; {@code normalize} makes an element canonical (for encoding
 * and comparison). Operations may write into one of their inputs.
 */
interface EdwardsField {
    /** The field prime p. */
    BigInteger prime();

    /** Bytes of a canonical element encoding (little-endian, no sign bit). */
    int elementBytes();

    int[] create();

    void copy(int[] x, int[] z);

    void one(int[] z);

    void add(int[] x, int[] y, int[] z);

    void sub(int[] x, int[] y, int[] z);

    void negate(int[] x, int[] z);

    void mul(int[] x, int[] y, int[] z);

    void sqr(int[] x, int[] z);

    void inv(int[] x, int[] z);

    void normalize(int[] z);

    /** Whether a normalized element is zero. */
    boolean isZero(int[] x);

    /** Whether two normalized elements are equal. */
    boolean equal(int[] x, int[] y);

    /** {@code z = x} if mask is -1, unchanged if 0, without branching. */
    void cmov(int mask, int[] x, int[] z);

    /** {@code z = -z} if bit is 1, unchanged if 0, without branching. */
    void cnegate(int bit, int[] z);

    /** Writes a normalized element as {@link #elementBytes()} little-endian bytes at {@code off}. */
    void encode(int[] x, byte[] out, int off);

    /** Reads {@link #elementBytes()} little-endian bytes (Ed25519: the top bit is ignored). */
    void decode(byte[] in, int off, int[] z);

    /** {@code z = sqrt(u/v)} (some root) if there is one; false if u/v is not a square. */
    boolean sqrtRatio(int[] u, int[] v, int[] z);

    /** An element from a non-negative integer below p (for curve constants). */
    default int[] constant(BigInteger value) {
        byte[] be = value.toByteArray();
        byte[] le = new byte[elementBytes()];
        for (int i = 0; i < be.length && i < le.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        int[] z = create();
        decode(le, 0, z);
        return z;
    }
}
