package io.keyshard.payload.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recursive Length Prefix (Ethereum yellow paper, appendix B). The decoder is strict: every
 * length prefix must be the shortest one, a single byte below 0x80 must stand for itself, and
 * nothing may follow the item.
 */
public final class Rlp {
    private Rlp() {}

    /** A decoded item: a byte string or a list of items. */
    public sealed interface Item permits Str, Seq {}

    /** A byte string. */
    public record Str(byte[] bytes) implements Item {
        /** The string read as a minimal big-endian unsigned integer (no leading zero byte). */
        public BigInteger asInteger(String what) {
            if (bytes.length > 0 && bytes[0] == 0) {
                throw new IllegalArgumentException(what + " has a leading zero byte (not a canonical RLP integer)");
            }
            return new BigInteger(1, bytes);
        }
    }

    /** A list. */
    public record Seq(List<Item> items) implements Item {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** A byte string: a single byte below 0x80 is itself, anything else gets a length prefix. */
    public static byte[] encodeString(byte[] bytes) {
        if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
            return bytes.clone();
        }
        return concat(prefix(0x80, bytes.length), bytes);
    }

    /** An unsigned integer as its minimal big-endian bytes; zero is the empty string. */
    public static byte[] encodeInteger(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned");
        }
        byte[] b = value.toByteArray();
        int skip = 0;
        while (skip < b.length && b[skip] == 0) {
            skip++;
        }
        return encodeString(Arrays.copyOfRange(b, skip, b.length));
    }

    /** A list of already encoded items. */
    public static byte[] encodeList(List<byte[]> encodedItems) {
        byte[] payload = Bytes.concat(encodedItems);
        return concat(prefix(0xc0, payload.length), payload);
    }

    private static byte[] prefix(int base, int length) {
        if (length < 56) {
            return new byte[] {(byte) (base + length)};
        }
        byte[] len = BigInteger.valueOf(length).toByteArray();
        int skip = len[0] == 0 ? 1 : 0;
        byte[] out = new byte[1 + len.length - skip];
        out[0] = (byte) (base + 55 + len.length - skip);
        System.arraycopy(len, skip, out, 1, len.length - skip);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return Bytes.concat(List.of(a, b));
    }

    /** Decodes exactly one item spanning the whole input. */
    public static Item decode(byte[] input) {
        int[] pos = {0};
        Item item = read(input, pos, input.length, 0);
        if (pos[0] != input.length) {
            throw new IllegalArgumentException("RLP: " + (input.length - pos[0]) + " bytes after the end of the item");
        }
        return item;
    }

    private static Item read(byte[] in, int[] pos, int end, int depth) {
        if (depth > 16) {
            throw new IllegalArgumentException("RLP: lists nested deeper than 16");
        }
        if (pos[0] >= end) {
            throw new IllegalArgumentException("RLP: truncated, an item was expected at offset " + pos[0]);
        }
        int b = in[pos[0]++] & 0xff;
        if (b < 0x80) {
            return new Str(new byte[] {(byte) b});
        }
        boolean list = b >= 0xc0;
        int base = list ? 0xc0 : 0x80;
        int length;
        if (b - base < 56) {
            length = b - base;
        } else {
            length = readLongLength(in, pos, end, b - base - 55);
        }
        if (length > end - pos[0]) {
            throw new IllegalArgumentException(
                    "RLP: truncated, an item of " + length + " bytes at offset " + pos[0] + " runs past the end");
        }
        int start = pos[0];
        if (!list) {
            pos[0] += length;
            byte[] s = Arrays.copyOfRange(in, start, start + length);
            if (length == 1 && (s[0] & 0xff) < 0x80) {
                throw new IllegalArgumentException(
                        "RLP: a single byte below 0x80 at offset " + start + " must be encoded as itself");
            }
            return new Str(s);
        }
        List<Item> items = new ArrayList<>();
        int listEnd = start + length;
        while (pos[0] < listEnd) {
            items.add(read(in, pos, listEnd, depth + 1));
        }
        return new Seq(items);
    }

    private static int readLongLength(byte[] in, int[] pos, int end, int lenOfLen) {
        if (lenOfLen > 4 || lenOfLen > end - pos[0]) {
            throw new IllegalArgumentException("RLP: truncated or oversized length at offset " + pos[0]);
        }
        if (in[pos[0]] == 0) {
            throw new IllegalArgumentException("RLP: length with a leading zero byte at offset " + pos[0]);
        }
        long length = 0;
        for (int i = 0; i < lenOfLen; i++) {
            length = (length << 8) | (in[pos[0]++] & 0xff);
        }
        if (length < 56) {
            throw new IllegalArgumentException(
                    "RLP: long-form length " + length + " where the short form was required");
        }
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RLP: length " + length + " is too large");
        }
        return (int) length;
    }
}
