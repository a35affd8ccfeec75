package io.keyshard.bytes;

/** Byte-array helpers too small for a class of their own. */
public final class ByteArrays {
    private ByteArrays() {}

    /** The parts one after another. */
    public static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
