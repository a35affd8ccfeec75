package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Fixed-layout byte writer and strict reader for the codec: every field has a known length. */
final class Wire {
    private Wire() {}

    /** Appends fields. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u32(int v) {
            out.writeBytes(Oracle.u32(v));
            return this;
        }

        Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Writer point(Point p) {
            return bytes(p.encode());
        }

        Writer scalar(Scalar s) {
            return bytes(s.encode());
        }

        Writer longs(long[] words) {
            for (long w : words) {
                for (int k = 7; k >= 0; k--) {
                    out.write((int) (w >>> (8 * k)));
                }
            }
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
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

        /** A canonical scalar below q, straight into fixed-width limbs (a response carries thousands). */
        Scalar scalar() {
            try {
                return g.field().decode(bytes(g.curve().scalarLength()));
            } catch (IllegalArgumentException e) {
                throw new ProtocolAbort(sender, Check.ENCODING, "scalar: " + e.getMessage());
            }
        }

        long[] longs(int count) {
            byte[] b = bytes(8 * count);
            long[] out = new long[count];
            for (int i = 0; i < b.length; i++) {
                out[i >>> 3] = (out[i >>> 3] << 8) | (b[i] & 0xffL);
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
