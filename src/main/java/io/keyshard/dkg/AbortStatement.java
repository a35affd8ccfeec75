package io.keyshard.dkg;

/**
 * Server {@code sender}'s signed word that it aborted key {@code keyId} holding no round-3 result (docs/protocol.md,
 * Commit and abort). {@code sessionId} is the session it aborted, or empty when no session of the key reached it
 * or it no longer keeps the session. A wire type; {@link AbortProof} makes and checks it.
 */
public record AbortStatement(String keyId, int sender, byte[] sessionId, byte[] signature) {}
