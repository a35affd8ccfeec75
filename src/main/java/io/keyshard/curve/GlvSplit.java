package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * secp256k1's endomorphism (Gallant, Lambert and Vanstone, CRYPTO 2001): {@code λ·(x, y) = (β·x, y)}, so
 * {@code k·P = k1·P + k2·(λ·P)} with k1 and k2 about half as long as k, and a multiplication needs half the
 * doublings. The split follows libsecp256k1's {@code secp256k1_scalar_split_lambda} (the lattice and the
 * rounded constants g1, g2 are Bouncy Castle's for this curve): {@code c_i = round(k·g_i / 2^272)},
 * {@code k2 = c1·|b1| - c2·b2}, {@code k1 = k - λ·k2}, all on fixed-width limbs. Then, for the regular
 * recoding, which wants odd numbers: a lattice vector that flips a half's parity is added when it is even
 * ({@code (a1, b1)} flips both, {@code (a2, b2)} only k2; each adds nothing to {@code k1 + λ·k2}), and each
 * half becomes its absolute value and a sign. Every choice is a masked one: the same operations for every k.
 */
final class GlvSplit {
    /** β, a cube root of unity modulo p. */
    static final BigInteger BETA = hex("7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501ee");
    /** λ, the cube root of unity modulo n with {@code λ·(x, y) = (β·x, y)}. */
    static final BigInteger LAMBDA = hex("5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72");
    /** The reduced lattice of {@code (a, b)} with {@code a + λ·b = 0 mod n}: v1 = (A1, -B1), v2 = (A2, B2). */
    static final BigInteger A1 = hex("3086d221a7d46bcde86c90e49284eb15");

    static final BigInteger B1 = hex("e4437ed6010e88286f547fa90abfe4c3");
    static final BigInteger A2 = hex("114ca50f7a8e2f3f657c1108d9d44cfd8");
    static final BigInteger B2 = A1;
    private static final int[] G1 = limbs(hex("3086d221a7d46bcde86c90e49284eb153dab"), 5);
    private static final int[] G2 = limbs(hex("e4437ed6010e88286f547fa90abfe4c42212"), 5);
    private static final int SHIFT = 272;
    /** Bits of a half after the parity fix: under 2^130 (|k_i| < 2^128, plus at most A1 + A2 or B1 + B2). */
    static final int HALF_BITS = 130;

    private GlvSplit() {}

    /** The two halves of an odd-made split: {@code k = (-1)^n1·m1 + λ·(-1)^n2·m2}, m1 and m2 odd. */
    record Halves(byte[] m1, int negative1, byte[] m2, int negative2) {
        void wipe() {
            Arrays.fill(m1, (byte) 0);
            Arrays.fill(m2, (byte) 0);
        }
    }

    /** Splits a secret scalar of secp256k1's order; the halves are big-endian, as long as an encoded scalar. */
    static Halves split(Scalar k) {
        ScalarField f = k.field();
        byte[] be = k.encode();
        Scalar c1 = f.decode(roundedProduct(be, G1, be.length));
        Scalar c2 = f.decode(roundedProduct(be, G2, be.length));
        Arrays.fill(be, (byte) 0);
        Scalar k2 = c1.multiply(f.of(B1)).subtract(c2.multiply(f.of(B2)));
        Scalar k1 = k.subtract(k2.multiply(f.of(LAMBDA)));
        c1.destroy();
        c2.destroy();
        // k1 even: add (A1, -B1), which makes k1 odd and flips k2's parity
        int even1 = parity(k1) ^ 1;
        k1 = k1.add(Scalar.select(even1, f.zero(), f.of(A1)));
        k2 = k2.add(Scalar.select(even1, f.zero(), f.of(B1).negate()));
        // k2 even: add (A2, B2), which keeps k1's parity (A2 is even)
        int even2 = parity(k2) ^ 1;
        k1 = k1.add(Scalar.select(even2, f.zero(), f.of(A2)));
        k2 = k2.add(Scalar.select(even2, f.zero(), f.of(B2)));
        int n1 = high(k1);
        int n2 = high(k2);
        Scalar m1 = Scalar.select(n1, k1, k1.negate());
        Scalar m2 = Scalar.select(n2, k2, k2.negate());
        Halves out = new Halves(m1.encode(), n1, m2.encode(), n2);
        k1.destroy();
        k2.destroy();
        m1.destroy();
        m2.destroy();
        return out;
    }

    /** The parity of the small signed number a scalar stands for: its low bit, flipped when it is negative. */
    private static int parity(Scalar s) {
        byte[] be = s.encode();
        int p = (be[be.length - 1] & 1) ^ high(be, s.field().order());
        Arrays.fill(be, (byte) 0);
        return p;
    }

    /** 1 when the scalar is above (n - 1)/2, so stands for a negative number. */
    private static int high(Scalar s) {
        byte[] be = s.encode();
        int h = high(be, s.field().order());
        Arrays.fill(be, (byte) 0);
        return h;
    }

    private static int high(byte[] be, BigInteger order) {
        byte[] half = toBytes(order.shiftRight(1), be.length);
        int borrow = 0;
        for (int i = be.length - 1; i >= 0; i--) {
            borrow = ((half[i] & 0xff) - (be[i] & 0xff) - borrow) >>> 31;
        }
        return borrow;
    }

    /** {@code round(k·g / 2^272)} big-endian in {@code length} bytes, on fixed-width limbs. */
    static byte[] roundedProduct(byte[] kBe, int[] g, int length) {
        int[] k = new int[8];
        for (int i = 0; i < 32; i++) {
            k[i >>> 2] |= (kBe[kBe.length - 1 - i] & 0xff) << (8 * (i & 3));
        }
        long[] p = new long[k.length + g.length + 1];
        for (int i = 0; i < k.length; i++) {
            long carry = 0;
            for (int j = 0; j < g.length; j++) {
                long t = (k[i] & 0xffffffffL) * (g[j] & 0xffffffffL) + p[i + j] + carry;
                p[i + j] = t & 0xffffffffL;
                carry = t >>> 32;
            }
            p[i + g.length] = carry;
        }
        // + 2^271 rounds to nearest, then the bits from 272 on
        long carry = 1L << (SHIFT - 1 - 32 * ((SHIFT - 1) / 32));
        for (int i = (SHIFT - 1) / 32; i < p.length; i++) {
            long t = p[i] + carry;
            p[i] = t & 0xffffffffL;
            carry = t >>> 32;
        }
        byte[] out = new byte[length];
        int first = SHIFT / 32;
        int bit = SHIFT % 32;
        for (int i = 0; first + i < p.length && 4 * i < length; i++) {
            long word = (p[first + i] >>> bit) | (first + i + 1 < p.length ? (p[first + i + 1] << (32 - bit)) : 0);
            for (int b = 0; b < 4; b++) {
                out[length - 1 - 4 * i - b] = (byte) (word >>> (8 * b));
            }
        }
        Arrays.fill(k, 0);
        Arrays.fill(p, 0);
        return out;
    }

    static int[] limbs(BigInteger v, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = v.shiftRight(32 * i).intValue();
        }
        return out;
    }

    private static byte[] toBytes(BigInteger v, int length) {
        byte[] out = new byte[length];
        byte[] raw = v.toByteArray();
        int n = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - n, out, length - n, n);
        return out;
    }

    private static BigInteger hex(String h) {
        return new BigInteger(h, 16);
    }
}
