package io.keyshard.client;

import io.keyshard.vault.KeyRecord;
import java.util.List;
import java.util.UUID;

/**
 * What {@link ComponentModule#GENERATE_KEY_SHARE} gives: the READY vault record (keyId, root
 * public key, chain code, verification shares, ...), plus any server that has not yet confirmed the
 * commit (it is re-sent on the next start; the key is safe either way), and {@code note}, which is null
 * unless the run was cancelled or failed after every server had stored its result: the key was complete, so
 * it was kept, and the note says so in words for the user.
 */
public record GeneratedKey(KeyRecord record, List<String> commitPending, String note) {
    public GeneratedKey {
        commitPending = List.copyOf(commitPending);
    }

    /** A key made the ordinary way, with no note. */
    public GeneratedKey(KeyRecord record, List<String> commitPending) {
        this(record, commitPending, null);
    }

    public UUID keyId() {
        return record.keyId();
    }

    /** The root public key, hex, in the curve's public-key encoding. */
    public String rootPublicKey() {
        return record.rootPublicKey();
    }
}
