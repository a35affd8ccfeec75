package io.keyshard.payload.evm;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/** Byte-array helpers of the EVM encoders: concatenation and fixed-width big-endian words. */
final class Bytes {
    private Bytes() {}

    static byte[] concat(List<byte[]> parts) {
        return ByteArrays.concat(parts.toArray(new byte[0][]));
    }

    static byte[] concat(byte[]... parts) {
        return ByteArrays.concat(parts);
    }

    /** True when call {@code data} begins with the 4-byte function {@code selector}. */
    static boolean calls(byte[] data, byte[] selector) {
        return data.length >= 4 && Arrays.equals(data, 0, 4, selector, 0, 4);
    }

    /** {@code value mod 2^256} as a 32-byte big-endian word (two's complement for negatives). */
    static byte[] word(BigInteger value) {
        byte[] b = value.toByteArray();
        byte[] out = new byte[32];
        byte fill = (byte) (value.signum() < 0 ? 0xff : 0);
        Arrays.fill(out, fill);
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    /** The bytes left-aligned in a 32-byte word, zero-padded on the right (bytesN in ABI encoding). */
    static byte[] leftAligned(byte[] b) {
        byte[] out = new byte[32];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    /** {@code 0x} + lower-case hex. */
    static String hex(byte[] b) {
        return "0x" + Hex.encode(b);
    }
}
