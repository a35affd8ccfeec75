package io.keyshard.payload.tron;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One protocol-buffers message read strictly, as a Tron node would read it and nothing more: only varint and
 * length-delimited fields (the only wire types of the messages signed here), varints in their shortest form,
 * a singular field at most once and no field the caller does not name. A reader that tolerated what a node
 * merges or drops (a repeated singular field, an unknown one) could show one transaction and sign another.
 */
final class ProtoMessage {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    /** One field as read: its number and either a varint value or the bytes it holds. */
    private record Field(int number, int wireType, long varint, byte[] bytes) {}

    private final String what;
    private final List<Field> fields;

    private ProtoMessage(String what, List<Field> fields) {
        this.what = what;
        this.fields = fields;
    }

    /**
     * Reads {@code bytes} as the message {@code what} (the name every refusal gives) whose field numbers are
     * {@code allowed}; any other field is refused by its number.
     */
    static ProtoMessage parse(byte[] bytes, String what, int... allowed) {
        List<Field> fields = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < bytes.length) {
            long key = varint(bytes, pos, what);
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            if (key >>> 3 > Integer.MAX_VALUE || number == 0) {
                throw new IllegalArgumentException(what + " has a field number out of range");
            }
            if (Arrays.stream(allowed).noneMatch(n -> n == number)) {
                throw new IllegalArgumentException(what + " has field " + number + ", which is not part of it as "
                        + "signed here: Keyshard does not sign what it cannot show");
            }
            if (wireType == VARINT) {
                fields.add(new Field(number, wireType, varint(bytes, pos, what), null));
            } else if (wireType == LENGTH_DELIMITED) {
                long length = varint(bytes, pos, what);
                if (length < 0 || length > bytes.length - pos[0]) {
                    throw new IllegalArgumentException(what + " field " + number + " runs past the end of the data");
                }
                fields.add(new Field(number, wireType, 0, Arrays.copyOfRange(bytes, pos[0], pos[0] + (int) length)));
                pos[0] += (int) length;
            } else {
                throw new IllegalArgumentException(
                        what + " field " + number + " has wire type " + wireType + ", which no field of it uses");
            }
        }
        return new ProtoMessage(what, List.copyOf(fields));
    }

    /** A protocol-buffers varint: 7 bits a byte, low first, at most 10 bytes, in its shortest form. */
    private static long varint(byte[] in, int[] pos, String what) {
        long value = 0;
        for (int i = 0; i < 10; i++) {
            if (pos[0] >= in.length) {
                throw new IllegalArgumentException(what + " ends inside a number");
            }
            int b = in[pos[0]++] & 0xff;
            if (i == 9 && b > 1) {
                throw new IllegalArgumentException(what + " has a number longer than 64 bits");
            }
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new IllegalArgumentException(what + " has a number not in its shortest form");
                }
                return value;
            }
        }
        throw new IllegalArgumentException(what + " has a number longer than 64 bits");
    }

    /** The bytes of singular field {@code number}, or null when it is absent. */
    byte[] bytes(int number, String name) {
        Field f = single(number, name);
        if (f == null) {
            return null;
        }
        requireType(f, LENGTH_DELIMITED, name);
        return f.bytes().clone();
    }

    /** Singular int64 field {@code number} (0 when absent, as protocol buffers read it). */
    long int64(int number, String name) {
        Field f = single(number, name);
        if (f == null) {
            return 0;
        }
        requireType(f, VARINT, name);
        return f.varint();
    }

    /** Singular int64 field {@code number} that must not be negative: an amount or a time. */
    long nonNegative(int number, String name) {
        long v = int64(number, name);
        if (v < 0) {
            throw new IllegalArgumentException(what + " " + name + " is negative");
        }
        return v;
    }

    /** Singular int32 or enum field {@code number}. */
    int int32(int number, String name) {
        long v = int64(number, name);
        if (v != (int) v) {
            throw new IllegalArgumentException(what + " " + name + " is out of the range of a 32-bit number");
        }
        return (int) v;
    }

    /** Singular bool field {@code number}. */
    boolean bool(int number, String name) {
        long v = int64(number, name);
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(what + " " + name + " is not a boolean");
        }
        return v == 1;
    }

    /** Every occurrence of repeated length-delimited field {@code number}, in order. */
    List<byte[]> repeated(int number, String name) {
        List<byte[]> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.number() == number) {
                requireType(f, LENGTH_DELIMITED, name);
                out.add(f.bytes().clone());
            }
        }
        return out;
    }

    private Field single(int number, String name) {
        Field found = null;
        for (Field f : fields) {
            if (f.number() == number) {
                if (found != null) {
                    throw new IllegalArgumentException(what + " gives " + name + " twice: a node would take one of "
                            + "them, and the review could show the other");
                }
                found = f;
            }
        }
        return found;
    }

    private void requireType(Field f, int wireType, String name) {
        if (f.wireType() != wireType) {
            throw new IllegalArgumentException(what + " " + name + " has the wrong wire type");
        }
    }

    /** A length-delimited field as it is written: key, length, bytes. */
    static void writeBytes(ByteArrayOutputStream out, int number, byte[] bytes) {
        writeVarint(out, (long) number << 3 | LENGTH_DELIMITED);
        writeVarint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
