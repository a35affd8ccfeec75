package io.keyshard.client;

import io.keyshard.vault.KeyStatus;
import java.util.UUID;

/**
 * What {@link Workspace#resolvePending()} did to one record: its status now, what changed, and why
 * (the note is for people; faces decide on {@code change}).
 */
public record ResolvedKey(UUID keyId, KeyStatus status, Change change, String note) {
    /** What settling did to the key. */
    public enum Change {
        /** a PENDING key every server holds the same result for: now READY */
        FINISHED,
        /** a PENDING key that could not be finished: aborted everywhere, now FAILED */
        ABORTED,
        /** a READY key's commit was sent again to the servers that had missed it */
        COMMIT_RESENT,
        /** nothing could be done now (a server did not answer); tried again on the next start */
        UNCHANGED
    }
}
