package io.keyshard.payload.solana;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lays out Solana wire bytes by hand, field by field as the format documents them, for the tests. */
final class SolanaWire {
    private final List<Byte> out = new ArrayList<>();

    SolanaWire u8(int... values) {
        for (int v : values) {
            out.add((byte) v);
        }
        return this;
    }

    SolanaWire len(int n) {
        for (byte b : ShortVec.encode(n)) {
            out.add(b);
        }
        return this;
    }

    SolanaWire raw(byte[] bytes) {
        for (byte b : bytes) {
            out.add(b);
        }
        return this;
    }

    /** A 32-byte key whose bytes are all {@code fill}. */
    SolanaWire key(int fill) {
        return raw(filled(fill));
    }

    static byte[] filled(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    byte[] bytes() {
        byte[] b = new byte[out.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = out.get(i);
        }
        return b;
    }
}
