package io.keyshard.dkls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * 64- and 32-bit words to and from bytes, little- or big-endian, through byte-array views: the OT
 * extension's columns and rows, its challenges, the hash-to-element inputs and the codec's words are
 * converted by the thousand per signature, and under C1 (the nodes' compiler) a view reads or writes a word
 * in one access where a loop over its bytes, with a shift and a bounds check each, took 5 to 10 times longer.
 */
final class Words {
    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Words() {}

    /** The little-endian word at {@code b[off..off + 8)}. */
    static long le(byte[] b, int off) {
        return (long) LE.get(b, off);
    }

    /** The big-endian word at {@code b[off..off + 8)}. */
    static long be(byte[] b, int off) {
        return (long) BE.get(b, off);
    }

    /** The little-endian 32-bit word at {@code b[off..off + 4)}, as an unsigned value. */
    static long le32(byte[] b, int off) {
        return (int) LE32.get(b, off) & 0xffffffffL;
    }

    /** Writes v little-endian at {@code b[off..off + 8)}. */
    static void putLe(long v, byte[] b, int off) {
        LE.set(b, off, v);
    }

    /** Writes v big-endian at {@code b[off..off + 8)}. */
    static void putBe(long v, byte[] b, int off) {
        BE.set(b, off, v);
    }

    /** {@code count} little-endian words from {@code b[off..)} into {@code out[oo..)}. */
    static void le(byte[] b, int off, long[] out, int oo, int count) {
        for (int i = 0; i < count; i++) {
            out[oo + i] = (long) LE.get(b, off + 8 * i);
        }
    }

    /** {@code count} words of {@code in[io..)} written little-endian at {@code b[off..)}. */
    static void putLe(long[] in, int io, int count, byte[] b, int off) {
        for (int i = 0; i < count; i++) {
            LE.set(b, off + 8 * i, in[io + i]);
        }
    }
}
