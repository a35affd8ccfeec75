package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.WeierstrassPoint;
import java.util.Arrays;

/** Fixed-layout byte writer and strict reader for the codec: every field has a known length. */
final class Wire {
    private Wire() {}

    /** Appends fields into one buffer, sized up front when the caller knows the message's length. */
    static final class Writer {
        private byte[] out;
        private int size;

        Writer() {
            this(256);
        }

        /** A writer whose buffer holds {@code capacity} bytes before it grows. */
        Writer(int capacity) {
            out = new byte[capacity];
        }

        Writer u32(int v) {
            return bytes(Oracle.u32(v));
        }

        Writer bytes(byte[] b) {
            System.arraycopy(b, 0, room(b.length), size - b.length, b.length);
            return this;
        }

        Writer point(Point p) {
            return bytes(p.encode());
        }

        /**
         * A point in SEC1 uncompressed form: twice the bytes of {@link #point}, but read back without a square
         * root, which is what the base OTs' bulk of points costs to decode otherwise.
         */
        Writer uncompressedPoint(Point p) {
            return bytes(((WeierstrassPoint) p).encodeUncompressed());
        }

        Writer scalar(Scalar s) {
            return bytes(s.encode());
        }

        /** 64-bit words, big-endian each. */
        Writer longs(long[] words) {
            byte[] b = room(8 * words.length);
            int at = size - 8 * words.length;
            for (long w : words) {
                Words.putBe(w, b, at);
                at += 8;
            }
            return this;
        }

        /** The bytes written: the buffer itself when it was sized exactly. */
        byte[] toByteArray() {
            return size == out.length ? out : Arrays.copyOf(out, size);
        }

        /** Reserves {@code length} more bytes and returns the buffer they are at, ending at {@code size}. */
        private byte[] room(int length) {
            if (out.length - size < length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, size + length));
            }
            size += length;
            return out;
        }
    }

    /** Reads fields in order; any shortfall, surplus or bad value aborts naming the sender. */
    static final class Reader {
        private final Group g;
        private final byte[] in;
        private final int sender;
        private int pos;

        Reader(Group g, byte[] in, int sender) {
            this.g = g;
            this.in = in == null ? new byte[0] : in;
            this.sender = sender;
        }

        int u32() {
            byte[] b = bytes(4);
            return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        }

        /** A u32 that must equal {@code expected}. */
        void expect(int expected, String what) {
            int v = u32();
            if (v != expected) {
                throw new ProtocolAbort(sender, Check.SHAPE, what + " is " + v + ", expected " + expected);
            }
        }

        byte[] bytes(int n) {
            if (n < 0 || in.length - pos < n) {
                throw new ProtocolAbort(sender, Check.SHAPE, "message truncated");
            }
            byte[] b = Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return b;
        }

        Point point() {
            return g.decodePoint(bytes(g.curve().pointLength()), sender);
        }

        /** {@link Writer#uncompressedPoint}: 0x04, x and y, on the curve and not the identity. */
        Point uncompressedPoint() {
            byte[] b = bytes(2 * g.curve().pointLength() - 1);
            if (b[0] != 0x04) {
                throw new ProtocolAbort(sender, Check.ENCODING, "point: expected the uncompressed form (0x04)");
            }
            return g.decodePoint(b, sender);
        }

        /** A canonical scalar below q, straight into fixed-width limbs. */
        Scalar scalar() {
            try {
                return g.field().decode(bytes(g.curve().scalarLength()));
            } catch (IllegalArgumentException e) {
                throw new ProtocolAbort(sender, Check.ENCODING, "scalar: " + e.getMessage());
            }
        }

        /**
         * {@code count} canonical scalars, each below q, as their encodings back to back: the correction τ,
         * thousands per answer, checked in place and never turned into scalar objects.
         */
        byte[] scalars(int count) {
            int len = g.curve().scalarLength();
            byte[] b = bytes(count * len);
            ModQ f = ModQ.of(g);
            long[] t = f.scratch();
            for (int i = 0; i < count; i++) {
                if (!f.belowQ(b, i * len, t)) {
                    throw new ProtocolAbort(
                            sender,
                            Check.ENCODING,
                            "scalar " + i + " of " + count + " must be below the group order (canonical)");
                }
            }
            return b;
        }

        long[] longs(int count) {
            byte[] b = bytes(8 * count);
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = Words.be(b, 8 * i);
            }
            return out;
        }

        int sender() {
            return sender;
        }

        /** Refuses trailing bytes. */
        void end() {
            if (pos != in.length) {
                throw new ProtocolAbort(sender, Check.SHAPE, (in.length - pos) + " bytes after the message");
            }
        }
    }
}
