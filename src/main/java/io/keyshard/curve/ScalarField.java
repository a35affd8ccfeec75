package io.keyshard.curve;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Arithmetic modulo a group order n on fixed-width little-endian 32-bit limbs, with no branch and
 * no memory access that depends on a value: Montgomery multiplication (CIOS), additions with a
 * masked final correction. Secret scalars (key shares, polynomial coefficients, nonces, responses)
 * go through here rather than through {@link BigInteger}, whose running time follows the magnitude
 * of its operands. Comparisons against n during decoding and sampling give a public outcome
 * (accepted or refused). Each curve has one, {@link Curve#scalars()}, so scalars of the key
 * generation and of signing mix.
 */
public final class ScalarField {
    private static final long MASK = 0xffffffffL;

    private final BigInteger order;
    private final int limbs;
    private final int byteLength;
    private final boolean littleEndian;
    private final int[] n;
    private final int n0inv;
    // R^(j+2) mod n for j = 0, 1, 2, ...: turns the j-th chunk of a wide number into Montgomery form.
    private final int[][] chunkFactors;
    private final int[] rSquared;

    /** The field of scalars mod {@code order}, encoded in {@code byteLength} bytes in the given byte order. */
    public ScalarField(BigInteger order, int byteLength, boolean littleEndian) {
        if (!order.testBit(0) || order.bitLength() < 2) {
            throw new IllegalArgumentException("Montgomery arithmetic needs an odd modulus");
        }
        this.order = order;
        this.limbs = (order.bitLength() + 31) / 32;
        this.byteLength = byteLength;
        this.littleEndian = littleEndian;
        this.n = limbsOf(order, limbs);
        BigInteger two32 = BigInteger.ONE.shiftLeft(32);
        this.n0inv = order.negate().modInverse(two32).intValue();
        BigInteger r = BigInteger.ONE.shiftLeft(32 * limbs).mod(order);
        // Enough chunks for the widest hash output reduced here (114 bytes for Ed448).
        int maxChunks = (128 * 8 + 32 * limbs - 1) / (32 * limbs);
        this.chunkFactors = new int[maxChunks][];
        BigInteger f = r.multiply(r).mod(order);
        for (int j = 0; j < maxChunks; j++) {
            chunkFactors[j] = limbsOf(f, limbs);
            f = f.multiply(r).mod(order);
        }
        this.rSquared = chunkFactors[0];
    }

    public BigInteger order() {
        return order;
    }

    /** Length in bytes of an encoded scalar (Ns). */
    public int byteLength() {
        return byteLength;
    }

    int limbs() {
        return limbs;
    }

    /** The scalar with a public value (identifiers, Lagrange values, tweaks, vectors). */
    public Scalar of(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(order) >= 0) {
            value = value.mod(order);
        }
        return new Scalar(this, limbsOf(value, limbs));
    }

    public Scalar of(long value) {
        return of(BigInteger.valueOf(value));
    }

    public Scalar zero() {
        return new Scalar(this, new int[limbs]);
    }

    /**
     * Decodes a canonical scalar: exactly {@link #byteLength()} bytes in this field's byte order,
     * below n. The check reads every limb; only its outcome (refused or not) is public.
     *
     * @throws InvalidEncodingException for a wrong length or a value of n or more
     */
    public Scalar decode(byte[] encoded) {
        int[] v = decodeLimbs(encoded);
        if (v == null) {
            throw new InvalidEncodingException(
                    "scalar must be " + byteLength + " bytes and below the group order (canonical)");
        }
        return new Scalar(this, v);
    }

    /** Like {@link #decode(byte[])}, and refuses zero as well. */
    public Scalar decodeNonZero(byte[] encoded) {
        Scalar s = decode(encoded);
        if (s.isZero()) {
            throw new InvalidEncodingException("scalar must not be zero");
        }
        return s;
    }

    /**
     * A uniformly random scalar in [1, n-1] by rejection sampling on limbs: a draw is kept or thrown
     * away whole, so the number of draws says nothing about the value kept.
     */
    public Scalar random(SecureRandom random) {
        int topBits = order.bitLength() - 32 * (limbs - 1);
        int topMask = topBits == 32 ? -1 : (1 << topBits) - 1;
        int[] v = new int[limbs];
        int[] scratch = new int[limbs];
        while (true) {
            for (int i = 0; i < limbs; i++) {
                v[i] = random.nextInt();
            }
            v[limbs - 1] &= topMask;
            int below = subtract(v, n, scratch);
            if ((below & (isZero(v) ^ 1)) == 1) {
                Arrays.fill(scratch, 0);
                return new Scalar(this, v);
            }
        }
    }

    /** Decodes a canonical scalar (below n); null when it is not canonical or not Ns bytes. */
    int[] decodeLimbs(byte[] encoded) {
        if (encoded == null || encoded.length != byteLength) {
            return null;
        }
        int[] wide = fromBytes(encoded, littleEndian, Math.max(limbs, (byteLength + 3) / 4));
        int[] nWide = new int[wide.length];
        System.arraycopy(n, 0, nWide, 0, limbs);
        // Below n exactly when wide - n borrows.
        int below = subtract(wide, nWide, new int[wide.length]);
        if (below == 0) {
            return null;
        }
        int[] out = new int[limbs];
        System.arraycopy(wide, 0, out, 0, limbs);
        return out;
    }

    byte[] encode(int[] a) {
        return toBytes(a, littleEndian, byteLength);
    }

    /** Any byte string of at most 128 bytes, read as an integer in the given byte order, reduced mod n. */
    public Scalar reduce(byte[] bytes, boolean bytesLittleEndian) {
        int chunks = (bytes.length + 4 * limbs - 1) / (4 * limbs);
        if (chunks > chunkFactors.length) {
            throw new IllegalArgumentException("input too wide to reduce: " + bytes.length + " bytes");
        }
        int[] all = fromBytes(bytes, bytesLittleEndian, chunks * limbs);
        int[] acc = new int[limbs];
        int[] chunk = new int[limbs];
        for (int j = 0; j < chunks; j++) {
            System.arraycopy(all, j * limbs, chunk, 0, limbs);
            // chunk·R^(j+2)·R^-1 = (chunk·2^(32·limbs·j))·R: the chunk's value in Montgomery form.
            add(acc, montMul(chunk, chunkFactors[j]), acc);
        }
        int[] one = new int[limbs];
        one[0] = 1;
        int[] out = montMul(acc, one);
        Arrays.fill(all, 0);
        Arrays.fill(chunk, 0);
        Arrays.fill(acc, 0);
        return new Scalar(this, out);
    }

    /** a·b mod n. */
    int[] mul(int[] a, int[] b) {
        int[] t = montMul(a, b);
        int[] out = montMul(t, rSquared);
        Arrays.fill(t, 0);
        return out;
    }

    /** out = a + b mod n, for a, b below n. out may alias either input. */
    void add(int[] a, int[] b, int[] out) {
        int[] s = new int[limbs];
        long carry = 0;
        for (int i = 0; i < limbs; i++) {
            carry += (a[i] & MASK) + (b[i] & MASK);
            s[i] = (int) carry;
            carry >>>= 32;
        }
        int[] u = new int[limbs];
        int borrow = subtract(s, n, u);
        // Keep s - n when the sum overflowed the limbs or s - n did not borrow.
        int useU = (int) carry | (borrow ^ 1);
        select(-useU, u, s, out);
        Arrays.fill(s, 0);
        Arrays.fill(u, 0);
    }

    /** out = a - b mod n, for a, b below n. out may alias either input. */
    void sub(int[] a, int[] b, int[] out) {
        int[] d = new int[limbs];
        int borrow = subtract(a, b, d);
        int mask = -borrow;
        long carry = 0;
        for (int i = 0; i < limbs; i++) {
            carry += (d[i] & MASK) + (n[i] & mask & MASK);
            out[i] = (int) carry;
            carry >>>= 32;
        }
        Arrays.fill(d, 0);
    }

    /** Montgomery product a·b·R^-1 mod n (CIOS), for a < R and b < n: the result is below n. */
    int[] montMul(int[] a, int[] b) {
        int k = limbs;
        int[] t = new int[k + 2];
        for (int i = 0; i < k; i++) {
            long bi = b[i] & MASK;
            long c = 0;
            for (int j = 0; j < k; j++) {
                long x = (t[j] & MASK) + (a[j] & MASK) * bi + c;
                t[j] = (int) x;
                c = x >>> 32;
            }
            long x = (t[k] & MASK) + c;
            t[k] = (int) x;
            t[k + 1] = (int) (x >>> 32);
            long m = (t[0] * n0inv) & MASK;
            x = (t[0] & MASK) + m * (n[0] & MASK);
            c = x >>> 32;
            for (int j = 1; j < k; j++) {
                x = (t[j] & MASK) + m * (n[j] & MASK) + c;
                t[j - 1] = (int) x;
                c = x >>> 32;
            }
            x = (t[k] & MASK) + c;
            t[k - 1] = (int) x;
            t[k] = t[k + 1] + (int) (x >>> 32);
        }
        // t < 2n: subtract n unless that borrows.
        int[] low = new int[k];
        System.arraycopy(t, 0, low, 0, k);
        int[] u = new int[k];
        int borrow = subtract(low, n, u);
        borrow = borrow & (t[k] ^ 1) & 1;
        int[] out = new int[k];
        select(-(borrow ^ 1), u, low, out);
        Arrays.fill(t, 0);
        Arrays.fill(low, 0);
        Arrays.fill(u, 0);
        return out;
    }

    /** 1 when a is zero, else 0, reading every limb. */
    static int isZero(int[] a) {
        int acc = 0;
        for (int v : a) {
            acc |= v;
        }
        return (int) (((acc & MASK) - 1) >>> 63);
    }

    /** 1 when a equals b, else 0, reading every limb. */
    static int equal(int[] a, int[] b) {
        int acc = 0;
        for (int i = 0; i < a.length; i++) {
            acc |= a[i] ^ b[i];
        }
        return (int) (((acc & MASK) - 1) >>> 63);
    }

    /** out = mask == -1 ? x : y, mask being 0 or -1. */
    static void select(int mask, int[] x, int[] y, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (x[i] & mask) | (y[i] & ~mask);
        }
    }

    /** out = a - b over equal widths; @return the final borrow (1 when a < b) */
    private static int subtract(int[] a, int[] b, int[] out) {
        long borrow = 0;
        for (int i = 0; i < a.length; i++) {
            long d = (a[i] & MASK) - (b[i] & MASK) - borrow;
            out[i] = (int) d;
            borrow = (d >>> 63);
        }
        return (int) borrow;
    }

    static int[] limbsOf(BigInteger v, int limbs) {
        int[] out = new int[limbs];
        for (int i = 0; i < limbs; i++) {
            out[i] = v.shiftRight(32 * i).intValue();
        }
        return out;
    }

    static BigInteger toBigInteger(int[] a) {
        byte[] be = toBytes(a, false, 4 * a.length);
        return new BigInteger(1, be);
    }

    private static int[] fromBytes(byte[] bytes, boolean le, int width) {
        int[] out = new int[width];
        int len = bytes.length;
        for (int i = 0; i < len; i++) {
            int b = bytes[le ? i : len - 1 - i] & 0xff;
            out[i >>> 2] |= b << (8 * (i & 3));
        }
        return out;
    }

    private static byte[] toBytes(int[] a, boolean le, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length && (i >>> 2) < a.length; i++) {
            byte b = (byte) (a[i >>> 2] >>> (8 * (i & 3)));
            out[le ? i : length - 1 - i] = b;
        }
        return out;
    }
}
