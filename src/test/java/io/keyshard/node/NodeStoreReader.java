package io.keyshard.node;

import io.keyshard.curve.CurveName;
import io.keyshard.dkg.SecretShare;
import io.keyshard.wire.KeyState;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: opens a stopped node's share store with its master key and reads every key's state
 * and share, so tests can check what the node holds (the product never lets a share out).
 */
public final class NodeStoreReader {
    private NodeStoreReader() {}

    /** One key as a node holds it; {@code share} is null for tombstones. */
    public record Held(UUID keyId, String curve, KeyState state, BigInteger share) {}

    public static Map<UUID, Held> read(Path dataDir) throws Exception {
        NodeFiles files = new NodeFiles(dataDir);
        NodeConfig config = files.readConfig();
        Map<UUID, Held> out = new LinkedHashMap<>();
        try (ShareSealer sealer = ShareSealer.open(files, config.id());
                ShareStore store = ShareStore.open(files)) {
            for (UUID keyId : store.keyIds()) {
                ShareStore.Row k = store.find(keyId).orElseThrow();
                BigInteger value = null;
                byte[] sealed = store.sealedShare(keyId).orElse(null);
                if (sealed != null) {
                    byte[] plain = sealer.open(keyId, k.curve(), sealed);
                    value = SecretShare.fromEncoded(CurveName.parse(k.curve()), config.id(), plain)
                            .value();
                }
                out.put(keyId, new Held(keyId, k.curve(), k.state(), value));
            }
        }
        return out;
    }
}
