package io.keyshard.payload.solana;

/** The compact-u16 length prefix of Solana's wire format (1 to 3 bytes, 7 bits each, low bits first). */
final class ShortVec {
    private ShortVec() {}

    static byte[] encode(int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("compact-u16 holds 0 to 65535, got " + value);
        }
        byte[] out = new byte[3];
        int n = 0;
        int v = value;
        do {
            int b = v & 0x7f;
            v >>>= 7;
            out[n++] = (byte) (v == 0 ? b : b | 0x80);
        } while (v != 0);
        byte[] exact = new byte[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }
}
