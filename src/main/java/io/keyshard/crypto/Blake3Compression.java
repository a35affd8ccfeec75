package io.keyshard.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * BLAKE3's compression function (BLAKE3 specification section 2.2) with its key and chaining value in fields:
 * the 16 state words and the 16 message words are locals, the 7 rounds are unrolled and the message
 * permutation is applied by naming each round's words in their permuted order. C1, which compiles the local
 * nodes, neither unrolls loops nor keeps array elements in registers, and the reference's shape (state and
 * block in arrays, a permutation array per round) costs it a bounds-checked load and store per word access.
 */
final class Blake3Compression {
    static final int CHUNK_START = 1;
    static final int CHUNK_END = 2;
    static final int PARENT = 4;
    static final int ROOT = 8;
    static final int KEYED_HASH = 16;

    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int IV0 = 0x6A09E667;
    private static final int IV1 = 0xBB67AE85;
    private static final int IV2 = 0x3C6EF372;
    private static final int IV3 = 0xA54FF53A;
    private static final int IV4 = 0x510E527F;
    private static final int IV5 = 0x9B05688C;
    private static final int IV6 = 0x1F83D9AB;
    private static final int IV7 = 0x5BE0CD19;

    /** The key words: the IV for the unkeyed hash. */
    private int k0 = IV0, k1 = IV1, k2 = IV2, k3 = IV3, k4 = IV4, k5 = IV5, k6 = IV6, k7 = IV7;

    /** The chaining value the next compression starts from. */
    private int h0, h1, h2, h3, h4, h5, h6, h7;

    /** Takes the key words from {@code key[off..off + 32)}, little-endian (the keyed hash). */
    void key(byte[] key, int off) {
        k0 = (int) LE32.get(key, off);
        k1 = (int) LE32.get(key, off + 4);
        k2 = (int) LE32.get(key, off + 8);
        k3 = (int) LE32.get(key, off + 12);
        k4 = (int) LE32.get(key, off + 16);
        k5 = (int) LE32.get(key, off + 20);
        k6 = (int) LE32.get(key, off + 24);
        k7 = (int) LE32.get(key, off + 28);
    }

    /** Starts a chunk or a parent: the chaining value becomes the key words. */
    void fromKey() {
        h0 = k0;
        h1 = k1;
        h2 = k2;
        h3 = k3;
        h4 = k4;
        h5 = k5;
        h6 = k6;
        h7 = k7;
    }

    /** Writes the chaining value little-endian at {@code b[off..off + 32)}. */
    void storeChain(byte[] b, int off) {
        LE32.set(b, off, h0);
        LE32.set(b, off + 4, h1);
        LE32.set(b, off + 8, h2);
        LE32.set(b, off + 12, h3);
        LE32.set(b, off + 16, h4);
        LE32.set(b, off + 20, h5);
        LE32.set(b, off + 24, h6);
        LE32.set(b, off + 28, h7);
    }

    /** Zeroes the key and the chaining value. */
    void wipe() {
        k0 = k1 = k2 = k3 = k4 = k5 = k6 = k7 = 0;
        h0 = h1 = h2 = h3 = h4 = h5 = h6 = h7 = 0;
    }

    /**
     * Compresses the 64-byte block at {@code b[off..off + 64)} (its first {@code blockLen} bytes are input,
     * the rest zero). With {@code out} null the first 8 output words become the chaining value; otherwise
     * all 16 are written little-endian at {@code out[outOff..outOff + 64)} and the chaining value stays, so
     * that the root's next output block starts from it again.
     */
    void compress(byte[] b, int off, long counter, int blockLen, int flags, byte[] out, int outOff) {
        int m0 = (int) LE32.get(b, off + 0);
        int m1 = (int) LE32.get(b, off + 4);
        int m2 = (int) LE32.get(b, off + 8);
        int m3 = (int) LE32.get(b, off + 12);
        int m4 = (int) LE32.get(b, off + 16);
        int m5 = (int) LE32.get(b, off + 20);
        int m6 = (int) LE32.get(b, off + 24);
        int m7 = (int) LE32.get(b, off + 28);
        int m8 = (int) LE32.get(b, off + 32);
        int m9 = (int) LE32.get(b, off + 36);
        int m10 = (int) LE32.get(b, off + 40);
        int m11 = (int) LE32.get(b, off + 44);
        int m12 = (int) LE32.get(b, off + 48);
        int m13 = (int) LE32.get(b, off + 52);
        int m14 = (int) LE32.get(b, off + 56);
        int m15 = (int) LE32.get(b, off + 60);
        int v0 = h0, v1 = h1, v2 = h2, v3 = h3, v4 = h4, v5 = h5, v6 = h6, v7 = h7;
        int v8 = IV0, v9 = IV1, v10 = IV2, v11 = IV3;
        int v12 = (int) counter, v13 = (int) (counter >>> 32), v14 = blockLen, v15 = flags;
        // round 1: message words 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m0), 16);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m1), 8);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m2), 16);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m3), 8);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m4), 16);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m5), 8);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 7);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m6), 16);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m7), 8);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 7);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m8), 16);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m9), 8);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 7);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m10), 16);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m11), 8);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m12), 16);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m13), 8);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m14), 16);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m15), 8);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 7);
        // round 2: message words 2 6 3 10 7 0 4 13 1 11 12 5 9 14 15 8
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m2), 16);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m6), 8);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m3), 16);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m10), 8);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m7), 16);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m0), 8);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 7);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m4), 16);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m13), 8);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 7);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m1), 16);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m11), 8);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 7);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m12), 16);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m5), 8);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m9), 16);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m14), 8);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m15), 16);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m8), 8);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 7);
        // round 3: message words 3 4 10 12 13 2 7 14 6 5 9 0 11 15 8 1
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m3), 16);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m4), 8);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m10), 16);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m12), 8);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m13), 16);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m2), 8);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 7);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m7), 16);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m14), 8);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 7);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m6), 16);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m5), 8);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 7);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m9), 16);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m0), 8);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m11), 16);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m15), 8);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m8), 16);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m1), 8);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 7);
        // round 4: message words 10 7 12 9 14 3 13 15 4 0 11 2 5 8 1 6
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m10), 16);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m7), 8);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m12), 16);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m9), 8);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m14), 16);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m3), 8);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 7);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m13), 16);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m15), 8);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 7);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m4), 16);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m0), 8);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 7);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m11), 16);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m2), 8);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m5), 16);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m8), 8);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m1), 16);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m6), 8);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 7);
        // round 5: message words 12 13 9 11 15 10 14 8 7 2 5 3 0 1 6 4
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m12), 16);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m13), 8);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m9), 16);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m11), 8);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m15), 16);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m10), 8);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 7);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m14), 16);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m8), 8);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 7);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m7), 16);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m2), 8);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 7);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m5), 16);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m3), 8);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m0), 16);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m1), 8);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m6), 16);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m4), 8);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 7);
        // round 6: message words 9 14 11 5 8 12 15 1 13 3 0 10 2 6 4 7
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m9), 16);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m14), 8);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m11), 16);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m5), 8);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m8), 16);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m12), 8);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 7);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m15), 16);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m1), 8);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 7);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m13), 16);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m3), 8);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 7);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m0), 16);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m10), 8);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m2), 16);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m6), 8);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m4), 16);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m7), 8);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 7);
        // round 7: message words 11 15 5 0 1 9 8 6 14 10 2 12 3 4 7 13
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m11), 16);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v0 += v4 + m15), 8);
        v4 = Integer.rotateRight(v4 ^ (v8 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m5), 16);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v1 += v5 + m0), 8);
        v5 = Integer.rotateRight(v5 ^ (v9 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m1), 16);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v2 += v6 + m9), 8);
        v6 = Integer.rotateRight(v6 ^ (v10 += v14), 7);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m8), 16);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v3 += v7 + m6), 8);
        v7 = Integer.rotateRight(v7 ^ (v11 += v15), 7);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m14), 16);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 12);
        v15 = Integer.rotateRight(v15 ^ (v0 += v5 + m10), 8);
        v5 = Integer.rotateRight(v5 ^ (v10 += v15), 7);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m2), 16);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 12);
        v12 = Integer.rotateRight(v12 ^ (v1 += v6 + m12), 8);
        v6 = Integer.rotateRight(v6 ^ (v11 += v12), 7);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m3), 16);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 12);
        v13 = Integer.rotateRight(v13 ^ (v2 += v7 + m4), 8);
        v7 = Integer.rotateRight(v7 ^ (v8 += v13), 7);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m7), 16);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 12);
        v14 = Integer.rotateRight(v14 ^ (v3 += v4 + m13), 8);
        v4 = Integer.rotateRight(v4 ^ (v9 += v14), 7);

        if (out == null) {
            h0 = v0 ^ v8;
            h1 = v1 ^ v9;
            h2 = v2 ^ v10;
            h3 = v3 ^ v11;
            h4 = v4 ^ v12;
            h5 = v5 ^ v13;
            h6 = v6 ^ v14;
            h7 = v7 ^ v15;
        } else {
            LE32.set(out, outOff + 0, v0 ^ v8);
            LE32.set(out, outOff + 4, v1 ^ v9);
            LE32.set(out, outOff + 8, v2 ^ v10);
            LE32.set(out, outOff + 12, v3 ^ v11);
            LE32.set(out, outOff + 16, v4 ^ v12);
            LE32.set(out, outOff + 20, v5 ^ v13);
            LE32.set(out, outOff + 24, v6 ^ v14);
            LE32.set(out, outOff + 28, v7 ^ v15);
            LE32.set(out, outOff + 32, v8 ^ h0);
            LE32.set(out, outOff + 36, v9 ^ h1);
            LE32.set(out, outOff + 40, v10 ^ h2);
            LE32.set(out, outOff + 44, v11 ^ h3);
            LE32.set(out, outOff + 48, v12 ^ h4);
            LE32.set(out, outOff + 52, v13 ^ h5);
            LE32.set(out, outOff + 56, v14 ^ h6);
            LE32.set(out, outOff + 60, v15 ^ h7);
        }
    }
}
