package io.keyshard.dkg;

/**
 * Server {@code sender}'s signed word that it aborted a key holding no round-3 result (docs/protocol.md, Commit and
 * abort). The signature covers the keyId, which the statement leaves out: it travels in the abort's path, and
 * answers never echo a keyId. {@code sessionId} is the session it aborted, or empty when no session of the key reached it
 * or it no longer keeps the session. A wire type; {@link AbortProof} makes and checks it.
 */
public record AbortStatement(int sender, byte[] sessionId, byte[] signature) {}
