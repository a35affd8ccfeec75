package io.keyshard.wire;

/**
 * A keyId's state on a node, as {@code GET /v1/keys/{keyId}}, commit and abort name it:
 * IN_PROGRESS before round 3 (memory only), PENDING share after round 3, READY after commit,
 * or a tombstone without a share (ABORTED, EXPIRED).
 */
public enum KeyState {
    IN_PROGRESS,
    PENDING,
    READY,
    ABORTED,
    EXPIRED;

    /** True when the node holds the key's share (PENDING or READY). */
    public boolean holdsShare() {
        return this == PENDING || this == READY;
    }
}
