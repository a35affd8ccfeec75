package io.keyshard.dkg;

/**
 * One server of a key generation as every party sees it: its name, its fixed identifier and its
 * long-term public identity keys (32-byte Ed25519 signing key, 32-byte X25519 HPKE key), as its
 * {@code GET /v1/identity} published them. A wire type: validated by {@link Session#of}.
 */
public record Participant(String name, int id, byte[] signingKey, byte[] encryptionKey) {}
