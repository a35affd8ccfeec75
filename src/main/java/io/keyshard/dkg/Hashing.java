package io.keyshard.dkg;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * SHA-256 over a domain tag and length-prefixed fields (8-byte big-endian lengths), so that no two
 * different field lists ever give the same input. Every hash and signed string of the protocol is built here.
 */
final class Hashing {
    static final int LENGTH = 32;
    private static final String PREFIX = "keyshard/dkg/v1/";

    private Hashing() {
    }

    static byte[] hash(String tag, byte[]... fields) {
        byte[] framed = frame(tag, fields);
        SHA256Digest d = new SHA256Digest();
        d.update(framed, 0, framed.length);
        byte[] out = new byte[LENGTH];
        d.doFinal(out, 0);
        return out;
    }

    /** The tagged, length-prefixed encoding of the fields: what {@link #hash} hashes and signatures cover. */
    static byte[] frame(String tag, byte[]... fields) {
        byte[] tagBytes = utf8(PREFIX + tag);
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

    /** Appends a count, then each entry's key and value in ascending key order: a canonical form for id maps. */
    static void addIdMap(java.util.List<byte[]> fields, java.util.Map<Integer, byte[]> map) {
        fields.add(u32(map.size()));
        new java.util.TreeMap<>(map).forEach((id, value) -> {
            fields.add(u32(id));
            fields.add(value);
        });
    }

    static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int put(byte[] out, int at, byte[] field) {
        long len = field.length;
        for (int i = 7; i >= 0; i--) {
            out[at++] = (byte) (len >>> (8 * i));
        }
        System.arraycopy(field, 0, out, at, field.length);
        return at + field.length;
    }
}
