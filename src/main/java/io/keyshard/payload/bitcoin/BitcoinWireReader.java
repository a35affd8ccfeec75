package io.keyshard.payload.bitcoin;

import java.util.Arrays;

/** Reads Bitcoin's little-endian wire encodings from a byte array, refusing to read past its end. */
final class BitcoinWireReader {
    private final byte[] data;
    private final int end;
    private int pos;
    private final String what;

    BitcoinWireReader(byte[] data, String what) {
        this(data, 0, data.length, what);
    }

    BitcoinWireReader(byte[] data, int from, int to, String what) {
        this.data = data;
        this.pos = from;
        this.end = to;
        this.what = what;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean atEnd() {
        return pos == end;
    }

    int u8() {
        need(1);
        return data[pos++] & 0xff;
    }

    long u32() {
        need(4);
        long v = (data[pos] & 0xffL)
                | (data[pos + 1] & 0xffL) << 8
                | (data[pos + 2] & 0xffL) << 16
                | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    long i64() {
        need(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    /** A CompactSize integer that must use its shortest form, as BIP-174 requires of key types and lengths. */
    long compactSize() {
        int first = u8();
        if (first < 0xfd) {
            return first;
        }
        long v;
        long min;
        if (first == 0xfd) {
            need(2);
            v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
            pos += 2;
            min = 0xfd;
        } else if (first == 0xfe) {
            v = u32();
            min = 0x10000;
        } else {
            v = i64();
            min = 0x100000000L;
            if (v < 0) {
                throw new IllegalArgumentException(what + ": a size above 2^63 at byte " + (pos - 8));
            }
        }
        if (v < min) {
            throw new IllegalArgumentException(
                    what + ": a size at byte " + (pos - 1) + " is not in its shortest encoding");
        }
        return v;
    }

    /** A CompactSize used as a length or count of items of at least {@code minItemBytes} each that must still fit. */
    int count(int minItemBytes, String of) {
        long n = compactSize();
        // divided, not multiplied: a count near 2^63 times the item size would wrap around to a small number
        if (n > remaining() / minItemBytes) {
            throw new IllegalArgumentException(
                    what + ": " + of + " says " + n + " but only " + remaining() + " bytes are left");
        }
        return (int) n;
    }

    byte[] bytes(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    /** A CompactSize length followed by that many bytes. */
    byte[] varBytes(String of) {
        return bytes(count(1, "the length of " + of));
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw new IllegalArgumentException(
                    what + " ends early: " + n + " more bytes needed at byte " + pos + ", " + (end - pos) + " left");
        }
    }
}
