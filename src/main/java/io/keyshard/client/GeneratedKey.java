package io.keyshard.client;

import io.keyshard.vault.KeyRecord;
import java.util.List;
import java.util.UUID;

/**
 * What {@link ComponentModule#GENERATE_KEY_SHARE} gives: the READY vault record (keyId, root
 * public key, chain code, verification shares, ...), plus any server that has not yet confirmed the
 * commit (it is re-sent on the next start; the key is safe either way).
 */
public record GeneratedKey(KeyRecord record, List<String> commitPending) {
    public GeneratedKey {
        commitPending = List.copyOf(commitPending);
    }

    public UUID keyId() {
        return record.keyId();
    }

    /** The root public key, hex, in the curve's public-key encoding. */
    public String rootPublicKey() {
        return record.rootPublicKey();
    }
}
