package io.keyshard.node;

import io.keyshard.wire.KeyState;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
                ShareStore store = ShareStore.open(files);
                NodeIdentity identity = NodeIdentity.load(files)) {
            // the product's open path: every stored share must pass its context and x_j·G checks to be read
            ShareOpener opener = new ShareOpener(store, sealer, config, identity.keys());
            for (UUID keyId : store.keyIds()) {
                ShareStore.Row k = store.find(keyId).orElseThrow();
                BigInteger value = null;
                Optional<ShareOpener.HeldShare> held = opener.open(keyId);
                if (held.isPresent()) {
                    value = held.get().share().value();
                    held.get().destroy();
                }
                out.put(keyId, new Held(keyId, k.curve(), k.state(), value));
            }
        }
        return out;
    }
}
