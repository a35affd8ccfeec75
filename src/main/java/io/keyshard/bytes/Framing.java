package io.keyshard.bytes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one encoding of a list of fields as bytes to hash, sign, MAC or bind as associated data: a
 * domain tag, then every field, each after its 8-byte big-endian length, so no two different
 * field lists ever give the same bytes.
 *
 * <p>Two older encodings stay readable because data on disk depends on them byte for byte; they are
 * {@link Frozen} and never used for anything new.
 */
public final class Framing {
    private Framing() {}

    /** {@code len(tag) ‖ tag ‖ len(f1) ‖ f1 ‖ ...} with 8-byte big-endian lengths; the tag is UTF-8. */
    public static byte[] frame(String tag, byte[]... fields) {
        byte[] tagBytes = tag.getBytes(StandardCharsets.UTF_8);
        int total = 8 + tagBytes.length;
        for (byte[] f : fields) {
            total += 8 + f.length;
        }
        byte[] out = new byte[total];
        int at = put(out, 0, tagBytes);
        for (byte[] f : fields) {
            at = put(out, at, f);
        }
        return out;
    }

    private static int put(byte[] out, int at, byte[] field) {
        System.arraycopy(BigEndian.u64(field.length), 0, out, at, 8);
        System.arraycopy(field, 0, out, at + 8, field.length);
        return at + 8 + field.length;
    }

    /**
     * The encodings of formats already on disk (vault records, secrets, header and backups; node
     * share stores). Changing a byte here makes those files unreadable, so they are kept as they
     * are; each is unambiguous for the fields it is used with, which never contain its separator.
     */
    public static final class Frozen {
        private Frozen() {}

        /** Every part as UTF-8 after its 4-byte big-endian length (the node's sealed-share binding). */
        public static byte[] shortLengths(String... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String part : parts) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(BigEndian.u32(b.length));
                out.writeBytes(b);
            }
            return out.toByteArray();
        }

        /** The parts joined with {@code '|'} as UTF-8 (the vault's bindings; no part ever contains '|'). */
        public static byte[] pipeJoined(Object... parts) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                sb.append(i == 0 ? "" : "|").append(parts[i]);
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
