package io.keyshard.curve;

import java.math.BigInteger;
import java.util.function.Function;
import org.bouncycastle.math.ec.custom.sec.SecP384R1Field;
import org.bouncycastle.math.ec.custom.sec.SecP521R1Field;
import org.bouncycastle.math.raw.Nat;

/**
 * A Weierstrass curve's prime field on 32-bit words, in place, for the affine batches of fixed-base products
 * ({@link AffineBatch}, {@link AffineTable}): secp256k1's and P-256's are {@link Field256}, P-384's and P-521's
 * Bouncy Castle's own word arithmetic. An instance may keep scratch words: one per batch, not shared.
 */
interface AffineField {
    int words();

    /** z = x·y; z may be x or y. */
    void mul(int[] x, int[] y, int[] z);

    void sqr(int[] x, int[] z);

    /** z = x - y; z may be x or y. */
    void sub(int[] x, int[] y, int[] z);

    /** z = 1/x, x not zero, in constant time. */
    void inv(int[] x, int[] z);

    /** y = -y when {@code negate} is 1, else unchanged, by masks (y not zero). */
    void negateIf(int negate, int[] y);

    int[] fromBigInteger(BigInteger v);

    BigInteger toBigInteger(int[] x);

    static AffineField of(CurveName curve) {
        Field256 f = Field256.of(curve);
        if (f != null) {
            return f;
        }
        return switch (curve) {
            case P384 ->
                new Bc(
                        12,
                        SecP384R1Field::multiply,
                        SecP384R1Field::subtract,
                        SecP384R1Field::inv,
                        SecP384R1Field::negate,
                        SecP384R1Field::fromBigInteger);
            case P521 ->
                new Bc(
                        17,
                        SecP521R1Field::multiply,
                        SecP521R1Field::subtract,
                        SecP521R1Field::inv,
                        SecP521R1Field::negate,
                        SecP521R1Field::fromBigInteger);
            default -> throw new IllegalArgumentException(curve + " has no affine batches");
        };
    }

    /** Bouncy Castle's word arithmetic for one field (its custom-curve code, which its points run too). */
    final class Bc implements AffineField {
        interface Op3 {
            void apply(int[] x, int[] y, int[] z);
        }

        interface Op2 {
            void apply(int[] x, int[] z);
        }

        private final int words;
        private final Op3 mul;
        private final Op3 sub;
        private final Op2 inv;
        private final Op2 negate;
        private final Function<BigInteger, int[]> from;
        private final int[] negated;

        Bc(int words, Op3 mul, Op3 sub, Op2 inv, Op2 negate, Function<BigInteger, int[]> from) {
            this.words = words;
            this.mul = mul;
            this.sub = sub;
            this.inv = inv;
            this.negate = negate;
            this.from = from;
            this.negated = new int[words];
        }

        @Override
        public int words() {
            return words;
        }

        @Override
        public void mul(int[] x, int[] y, int[] z) {
            mul.apply(x, y, z);
        }

        @Override
        public void sqr(int[] x, int[] z) {
            mul.apply(x, x, z);
        }

        @Override
        public void sub(int[] x, int[] y, int[] z) {
            sub.apply(x, y, z);
        }

        @Override
        public void inv(int[] x, int[] z) {
            inv.apply(x, z);
        }

        @Override
        public void negateIf(int negate, int[] y) {
            this.negate.apply(y, negated);
            int mask = -negate;
            for (int i = 0; i < words; i++) {
                y[i] = (y[i] & ~mask) | (negated[i] & mask);
            }
        }

        @Override
        public int[] fromBigInteger(BigInteger v) {
            return from.apply(v);
        }

        @Override
        public BigInteger toBigInteger(int[] x) {
            return Nat.toBigInteger(words, x);
        }
    }
}
