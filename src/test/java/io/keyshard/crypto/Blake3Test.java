package io.keyshard.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.crypto.Blake3Vectors.Case;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;
import org.junit.jupiter.api.Test;

/** BLAKE3 against the BLAKE3 team's published vectors, split inputs, and Bouncy Castle's implementation. */
class Blake3Test {
    /** The splits where a block, a chunk or both end, and one byte either side. */
    private static final int[] SPLITS = {1, 63, 64, 65, 1023, 1024, 1025};

    @Test
    void everyPublishedVectorWholeAndAtTheDefaultLengthHashAndKeyed() {
        byte[] key = Blake3Vectors.key();
        for (Case c : Blake3Vectors.cases()) {
            byte[] in = c.input();
            String at = "input_len " + in.length;
            assertArrayEquals(c.hash(), Blake3.hash(null, in, c.hash().length), "hash, " + at);
            assertArrayEquals(c.keyedHash(), Blake3.hash(key, in, c.keyedHash().length), "keyed_hash, " + at);
            assertArrayEquals(Arrays.copyOf(c.hash(), 32), Blake3.hash(null, in, 32), "default hash, " + at);
            assertArrayEquals(Arrays.copyOf(c.keyedHash(), 32), Blake3.hash(key, in, 32), "default keyed, " + at);
            Blake3 parts = new Blake3(key);
            parts.update(in);
            assertArrayEquals(c.keyedHash(), parts.finish(c.keyedHash().length), "keyed_hash by update, " + at);
        }
    }

    @Test
    void updatesSplitAtBlockAndChunkEdgesGiveTheSameOutput() {
        byte[] key = Blake3Vectors.key();
        Blake3 plain = new Blake3();
        Blake3 keyed = new Blake3(key);
        for (Case c : Blake3Vectors.cases()) {
            byte[] in = c.input();
            // every piece of one size, or the pieces cycling through all the sizes from a given one
            for (int i = 0; i < 2 * SPLITS.length; i++) {
                int[] sizes = i < SPLITS.length ? new int[] {SPLITS[i]} : rotated(i - SPLITS.length);
                String at = "input_len " + in.length + ", pieces " + Arrays.toString(sizes);
                feed(plain, in, sizes);
                assertArrayEquals(c.hash(), plain.finish(c.hash().length), "hash, " + at);
                feed(keyed, in, sizes);
                assertArrayEquals(c.keyedHash(), keyed.finish(c.keyedHash().length), "keyed_hash, " + at);
            }
        }
    }

    @Test
    void oneInstanceHashesWholeInputsOneAfterAnotherAndAWholeInputDiscardsAnUnfinishedOne() {
        byte[] key = Blake3Vectors.key();
        Blake3 keyed = new Blake3(key);
        List<Case> cases = Blake3Vectors.cases();
        for (int round = 0; round < 2; round++) {
            for (Case c : cases) {
                byte[] in = c.input();
                byte[] out = new byte[c.keyedHash().length + 5];
                keyed.hash(in, 0, in.length, out, 5, c.keyedHash().length);
                assertArrayEquals(c.keyedHash(), Arrays.copyOfRange(out, 5, out.length), "input_len " + in.length);
                // an unfinished input left behind must not leak into the next whole one
                keyed.update(in, 0, Math.min(in.length, 1500));
            }
        }
        Case c = cases.get(5);
        byte[] padded = new byte[c.inputLength() + 7];
        System.arraycopy(c.input(), 0, padded, 3, c.inputLength());
        byte[] out = new byte[c.hash().length];
        new Blake3().hash(padded, 3, c.inputLength(), out, 0, out.length);
        assertArrayEquals(c.hash(), out, "input at an offset, input_len " + c.inputLength());
    }

    @Test
    void matchesBouncyCastleOnRandomInputsKeysAndOutputLengths() {
        Random random = new Random(20260405);
        int[] edges = {0, 1, 64, 1024, 2048, 4096, 65536, 131072, 200 * 1024};
        for (int i = 0; i < 60; i++) {
            int length = i < 2 * edges.length
                    ? Math.max(0, edges[i / 2] + (i % 2 == 0 ? -1 : 0) + random.nextInt(3))
                    : random.nextInt(200 * 1024);
            byte[] in = new byte[length];
            random.nextBytes(in);
            byte[] key = null;
            if (random.nextBoolean()) {
                key = new byte[32];
                random.nextBytes(key);
            }
            int outLength = 1 + random.nextInt(400);
            Blake3Digest bc = new Blake3Digest(32);
            if (key != null) {
                bc.init(Blake3Parameters.key(key));
            }
            bc.update(in, 0, in.length);
            byte[] expected = new byte[outLength];
            bc.doFinal(expected, 0, outLength);
            String at = "length " + length + (key == null ? "" : ", keyed") + ", output " + outLength;
            assertArrayEquals(expected, Blake3.hash(key, in, outLength), at);
            Blake3 parts = key == null ? new Blake3() : new Blake3(key);
            int off = 0;
            while (off < in.length) {
                int n = Math.min(in.length - off, random.nextInt(3000));
                parts.update(in, off, n);
                off += n;
            }
            assertArrayEquals(expected, parts.finish(outLength), "random pieces, " + at);
        }
    }

    @Test
    void wipeZeroesTheKeyStateAndInputCopiesAndTheInstanceThenRefusesUse() throws Exception {
        Blake3 b = new Blake3(Blake3Vectors.key());
        List<Case> cases = Blake3Vectors.cases();
        byte[] in = cases.get(cases.size() - 1).input();
        b.hash(in, 0, 40, new byte[200], 0, 200);
        b.update(in, 0, 5000);
        b.wipe();
        assertAllZero(b);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.update(in));
        assertEquals("this BLAKE3 instance was wiped; hash with a new one", e.getMessage());
        assertThrows(IllegalStateException.class, () -> b.hash(in, 0, 10, new byte[32], 0, 32));
        assertThrows(IllegalStateException.class, () -> b.finish(32));
    }

    @Test
    void aKeyOfAnyLengthOtherThan32BytesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Blake3(new byte[31]));
        assertEquals("a BLAKE3 key is 32 bytes, got 31 bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Blake3(null));
    }

    private static int[] rotated(int first) {
        int[] sizes = new int[SPLITS.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = SPLITS[(first + i) % SPLITS.length];
        }
        return sizes;
    }

    private static void feed(Blake3 b, byte[] in, int[] sizes) {
        int off = 0;
        for (int i = 0; off < in.length; i++) {
            int n = Math.min(sizes[i % sizes.length], in.length - off);
            b.update(in, off, n);
            off += n;
        }
    }

    /** Every array and number the instance (and its compression function) holds is zero. */
    private static void assertAllZero(Object o) throws IllegalAccessException {
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(o);
            String name = o.getClass().getSimpleName() + "." + f.getName();
            if (v instanceof byte[] bytes) {
                assertArrayEquals(new byte[bytes.length], bytes, name);
            } else if (v instanceof Integer n && !f.getName().equals("flags")) {
                assertEquals(0, n, name);
            } else if (v instanceof Long n) {
                assertEquals(0L, n, name);
            } else if (v instanceof Blake3Compression inner) {
                assertAllZero(inner);
            }
        }
    }
}
