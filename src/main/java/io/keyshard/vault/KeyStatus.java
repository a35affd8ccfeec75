package io.keyshard.vault;

/** Where a key is in its life: PENDING before the servers agreed, READY after, FAILED with a reason. */
public enum KeyStatus {
    PENDING,
    READY,
    FAILED
}
