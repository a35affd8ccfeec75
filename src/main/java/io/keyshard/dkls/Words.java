package io.keyshard.dkls;

/**
 * 64-bit words to and from bytes, little- or big-endian, eight bytes a step: the OT extension's columns
 * and rows, its challenges and the codec's words are converted by the thousand per signature, and C1 (the
 * nodes' compiler) runs a byte loop with a shift per byte and a bounds check per access as written.
 */
final class Words {
    private Words() {}

    /** The little-endian word at {@code b[off..off + 8)}. */
    static long le(byte[] b, int off) {
        return (b[off] & 0xffL)
                | (b[off + 1] & 0xffL) << 8
                | (b[off + 2] & 0xffL) << 16
                | (b[off + 3] & 0xffL) << 24
                | (b[off + 4] & 0xffL) << 32
                | (b[off + 5] & 0xffL) << 40
                | (b[off + 6] & 0xffL) << 48
                | (b[off + 7] & 0xffL) << 56;
    }

    /** The big-endian word at {@code b[off..off + 8)}. */
    static long be(byte[] b, int off) {
        return (b[off] & 0xffL) << 56
                | (b[off + 1] & 0xffL) << 48
                | (b[off + 2] & 0xffL) << 40
                | (b[off + 3] & 0xffL) << 32
                | (b[off + 4] & 0xffL) << 24
                | (b[off + 5] & 0xffL) << 16
                | (b[off + 6] & 0xffL) << 8
                | (b[off + 7] & 0xffL);
    }

    /** Writes v little-endian at {@code b[off..off + 8)}. */
    static void putLe(long v, byte[] b, int off) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
        b[off + 4] = (byte) (v >>> 32);
        b[off + 5] = (byte) (v >>> 40);
        b[off + 6] = (byte) (v >>> 48);
        b[off + 7] = (byte) (v >>> 56);
    }

    /** Writes v big-endian at {@code b[off..off + 8)}. */
    static void putBe(long v, byte[] b, int off) {
        b[off] = (byte) (v >>> 56);
        b[off + 1] = (byte) (v >>> 48);
        b[off + 2] = (byte) (v >>> 40);
        b[off + 3] = (byte) (v >>> 32);
        b[off + 4] = (byte) (v >>> 24);
        b[off + 5] = (byte) (v >>> 16);
        b[off + 6] = (byte) (v >>> 8);
        b[off + 7] = (byte) v;
    }

    /** {@code count} little-endian words from {@code b[off..)} into {@code out[oo..)}. */
    static void le(byte[] b, int off, long[] out, int oo, int count) {
        for (int i = 0; i < count; i++) {
            out[oo + i] = le(b, off + 8 * i);
        }
    }

    /** {@code count} words of {@code in[io..)} written little-endian at {@code b[off..)}. */
    static void putLe(long[] in, int io, int count, byte[] b, int off) {
        for (int i = 0; i < count; i++) {
            putLe(in[io + i], b, off + 8 * i);
        }
    }
}
