package io.keyshard.wire;

import io.keyshard.dkg.AbortStatement;

/**
 * The body of {@code POST .../keygen/{keyId}/abort}: empty, or another server's signed statement that it aborted
 * the key without a round-3 result (needed when this server holds its result).
 */
public record AbortRequest(AbortStatement statement) {}
