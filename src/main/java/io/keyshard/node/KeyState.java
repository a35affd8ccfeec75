package io.keyshard.node;

/** A keyId's state on a node: PENDING share after round 3, READY after commit, or a tombstone without a share. */
public enum KeyState {
    PENDING,
    READY,
    ABORTED,
    EXPIRED
}
