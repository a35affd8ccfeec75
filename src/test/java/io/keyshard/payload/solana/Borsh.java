package io.keyshard.payload.solana;

/** Instruction data in Borsh (little-endian integers), written field by field for the tests. */
final class Borsh {
    private final SolanaWire w = new SolanaWire();

    Borsh raw(byte[] b) {
        w.raw(b);
        return this;
    }

    Borsh u8(int v) {
        w.u8(v);
        return this;
    }

    Borsh u16(int v) {
        w.u8(v & 0xff, (v >>> 8) & 0xff);
        return this;
    }

    Borsh u32(long v) {
        w.u8((int) v & 0xff, (int) (v >>> 8) & 0xff, (int) (v >>> 16) & 0xff, (int) (v >>> 24) & 0xff);
        return this;
    }

    Borsh u64(long v) {
        return u32(v & 0xffffffffL).u32(v >>> 32);
    }

    byte[] bytes() {
        return w.bytes();
    }
}
