package io.keyshard.payload.bitcoin;

import java.util.Arrays;

/** Builds Bitcoin's little-endian wire encodings in a growing byte array. */
final class ByteWriter {
    private byte[] buf = new byte[256];
    private int len;

    ByteWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    ByteWriter u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    ByteWriter i64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    ByteWriter compactSize(long v) {
        if (v < 0xfd) {
            return u8((int) v);
        }
        if (v <= 0xffff) {
            u8(0xfd);
            ensure(2);
            buf[len++] = (byte) v;
            buf[len++] = (byte) (v >>> 8);
            return this;
        }
        if (v <= 0xffffffffL) {
            return u8(0xfe).u32(v);
        }
        return u8(0xff).i64(v);
    }

    ByteWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** A CompactSize length, then the bytes. */
    ByteWriter varBytes(byte[] b) {
        return compactSize(b.length).bytes(b);
    }

    int size() {
        return len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
