package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Gf256Test {
    private static final BigInteger MODULUS =
            BigInteger.ONE.shiftLeft(256).or(BigInteger.valueOf((1 << 10) | (1 << 5) | (1 << 2) | 1));

    @Test
    void multiplicationMatchesSchoolbookPolynomialArithmetic() {
        TestRandom random = new TestRandom("gf");
        for (int n = 0; n < 50; n++) {
            long[] a = element(random);
            long[] b = element(random);
            assertArrayEquals(words(reference(big(a), big(b))), Gf256.multiply(a, b));
        }
    }

    @Test
    void theTableProductForAPublicFactorEqualsTheMaskedOneWithOrWithoutASpareWord() {
        TestRandom random = new TestRandom("gf table");
        long[] table = new long[Gf256.TABLE];
        for (int n = 0; n < 50; n++) {
            long[] a = n == 1 ? new long[] {-1, -1, -1, -1} : element(random);
            long[] b = n <= 1 ? new long[] {-1, -1, -1, -1} : element(random);
            long[] eight = new long[8];
            long[] nine = new long[9];
            Gf256.mulAccumulatePublic(a, b, 0, eight, table);
            long[] shifted = new long[3 * Gf256.WORDS];
            System.arraycopy(b, 0, shifted, Gf256.WORDS, Gf256.WORDS);
            Gf256.mulAccumulatePublic(a, shifted, Gf256.WORDS, nine, table);
            assertArrayEquals(words(reference(big(a), big(b))), Gf256.reduce(eight));
            assertArrayEquals(Gf256.reduce(eight), Gf256.reduce(nine));
            assertEquals(0, nine[8]);
        }
    }

    @Test
    void aBlockTransposeMovesBitJOfWordIToBitIOfWordJ() {
        TestRandom random = new TestRandom("transpose");
        long[] in = new long[64];
        for (int i = 0; i < 64; i++) {
            in[i] = random.nextLong();
        }
        long[] out = in.clone();
        Kos15.transpose64(out);
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                assertEquals((in[i] >>> j) & 1, (out[j] >>> i) & 1, i + "," + j);
            }
        }
    }

    @Test
    void xToThe255TimesXWrapsThroughTheModulus() {
        long[] x255 = {0, 0, 0, Long.MIN_VALUE};
        long[] x = {2, 0, 0, 0};
        assertArrayEquals(new long[] {(1 << 10) | (1 << 5) | (1 << 2) | 1, 0, 0, 0}, Gf256.multiply(x255, x));
    }

    private static BigInteger reference(BigInteger a, BigInteger b) {
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < 256; i++) {
            if (b.testBit(i)) {
                acc = acc.xor(a.shiftLeft(i));
            }
        }
        for (int i = 511; i >= 256; i--) {
            if (acc.testBit(i)) {
                acc = acc.xor(MODULUS.shiftLeft(i - 256));
            }
        }
        return acc;
    }

    private static long[] element(TestRandom r) {
        return new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
    }

    private static BigInteger big(long[] a) {
        BigInteger v = BigInteger.ZERO;
        for (int k = 3; k >= 0; k--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(a[k])));
        }
        return v;
    }

    private static long[] words(BigInteger v) {
        long[] out = new long[4];
        for (int k = 0; k < 4; k++) {
            out[k] = v.shiftRight(64 * k).longValue();
        }
        return out;
    }
}
