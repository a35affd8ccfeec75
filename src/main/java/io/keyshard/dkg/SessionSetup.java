package io.keyshard.dkg;

import java.util.List;

/**
 * What the coordinator sends every server with round 1 (the body of {@code POST .../round1}):
 * the keyId (a UUID), a fresh 32-byte nonce, the curve's API name, the threshold and every
 * participant with its identity keys. {@link Session#of} validates it and derives the sessionId.
 */
public record SessionSetup(String keyId, byte[] nonce, String curve, int threshold, List<Participant> participants) {}
