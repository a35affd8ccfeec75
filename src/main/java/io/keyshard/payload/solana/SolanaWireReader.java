package io.keyshard.payload.solana;

import java.util.Arrays;

/** Reads a Solana wire encoding front to back; every shortfall names what was being read and where. */
final class SolanaWireReader {
    private final byte[] in;
    private int pos;

    SolanaWireReader(byte[] in) {
        this.in = in;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return in.length - pos;
    }

    int u8(String what) {
        need(1, what);
        return in[pos++] & 0xff;
    }

    byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return out;
    }

    /**
     * A compact-u16 ("short vec") length: 7 bits a byte, low bits first, at most 3 bytes and
     * 0xffff. Refuses an encoding longer than needed, as the Solana runtime does.
     */
    int shortVec(String what) {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            int start = pos;
            int b = u8(what);
            if (i == 2 && b > 0x03) {
                throw new IllegalArgumentException(what + ": compact-u16 at offset " + start + " exceeds 65535");
            }
            if (i > 0 && b == 0) {
                throw new IllegalArgumentException(
                        what + ": compact-u16 at offset " + start + " is not in its shortest form");
            }
            value |= (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + ": compact-u16 at offset " + pos + " runs over 3 bytes");
    }

    private void need(int n, String what) {
        if (n > remaining()) {
            throw new IllegalArgumentException("truncated: " + what + " needs " + n + " bytes at offset " + pos
                    + ", only " + remaining() + " left");
        }
    }
}
