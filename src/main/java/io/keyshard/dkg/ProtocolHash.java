package io.keyshard.dkg;

import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over a protocol domain tag and {@link Framing framed} fields, so that no two different
 * field lists ever give the same input. Every hash and signed string of the protocol is built here.
 */
final class ProtocolHash {
    static final int LENGTH = 32;
    private static final String PREFIX = "keyshard/dkg/v1/";

    private ProtocolHash() {}

    static byte[] hash(String tag, byte[]... fields) {
        return Digests.sha256(frame(tag, fields));
    }

    /** The tagged, framed encoding of the fields: what {@link #hash} hashes and signatures cover. */
    static byte[] frame(String tag, byte[]... fields) {
        return Framing.frame(PREFIX + tag, fields);
    }

    /** Appends a count, then each entry's key and value in ascending key order: a canonical form for id maps. */
    static void addIdMap(List<byte[]> fields, Map<Integer, byte[]> map) {
        fields.add(u32(map.size()));
        new TreeMap<>(map).forEach((id, value) -> {
            fields.add(u32(id));
            fields.add(value);
        });
    }

    static byte[] u32(int v) {
        return BigEndian.u32(v);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
