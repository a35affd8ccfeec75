package io.keyshard.pairwise;

import io.keyshard.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fixed stand-ins for the servers' 32-byte Ed25519 identity keys a {@link SetupParty} binds into each pair's sessions. */
public final class TestIdentities {
    private TestIdentities() {}

    /** A distinct 32-byte key per server id. */
    public static Map<Integer, byte[]> of(List<Integer> ids) {
        Map<Integer, byte[]> out = new TreeMap<>();
        ids.forEach(id -> out.put(id, Digests.sha256(("server " + id).getBytes(StandardCharsets.US_ASCII))));
        return out;
    }
}
