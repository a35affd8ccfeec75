package io.keyshard.payload.bitcoin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A key's origin as PSBTs carry it: the master key fingerprint and the derivation path, each index
 * a 32-bit unsigned number (hardened from 2^31).
 */
public record KeyOrigin(int fingerprint, List<Long> path) {
    private static final long HARDENED = 0x8000_0000L;

    public KeyOrigin {
        path = List.copyOf(path);
    }

    /** Parses {@code <4-byte fingerprint> <32-bit little-endian index>*}. */
    static KeyOrigin parse(byte[] value, String what) {
        return read(new BitcoinWireReader(value, what), what);
    }

    /** Reads a fingerprint and path indices up to the end of {@code r}. */
    static KeyOrigin read(BitcoinWireReader r, String what) {
        if (r.remaining() < 4 || r.remaining() % 4 != 0) {
            throw new IllegalArgumentException(
                    what + ": a key origin is a 4-byte fingerprint and 4 bytes per path index, " + "got "
                            + r.remaining() + " bytes");
        }
        byte[] fp = r.bytes(4);
        int fingerprint = (fp[0] & 0xff) << 24 | (fp[1] & 0xff) << 16 | (fp[2] & 0xff) << 8 | (fp[3] & 0xff);
        List<Long> path = new ArrayList<>();
        while (!r.atEnd()) {
            path.add(r.u32());
        }
        return new KeyOrigin(fingerprint, path);
    }

    byte[] serialize() {
        ByteWriter w = new ByteWriter()
                .u8(fingerprint >>> 24)
                .u8(fingerprint >>> 16)
                .u8(fingerprint >>> 8)
                .u8(fingerprint);
        path.forEach(w::u32);
        return w.toByteArray();
    }

    /** True when no level is hardened: a path an MPC key can derive. */
    public boolean isUnhardened() {
        return path.stream().allMatch(i -> i < HARDENED);
    }

    /** The fingerprint as 8 hex digits. */
    public String fingerprintHex() {
        return String.format(Locale.ROOT, "%08x", fingerprint);
    }

    /** The path as text, {@code m/84/0/0/1/5}, hardened levels with {@code h}. */
    public String pathText() {
        StringBuilder sb = new StringBuilder("m");
        for (long i : path) {
            sb.append('/').append(i >= HARDENED ? (i - HARDENED) + "h" : Long.toString(i));
        }
        return sb.toString();
    }

    /** The path as derive indices; only for an unhardened path. */
    int[] indices() {
        if (!isUnhardened()) {
            throw new IllegalArgumentException("path " + pathText() + " has a hardened level");
        }
        return path.stream().mapToInt(Long::intValue).toArray();
    }
}
