package io.keyshard.wire;

/**
 * One server-to-server message of an ECDSA pairwise setup as the client relays it: step (1 or 2),
 * sender and recipient ids, the HPKE ciphertext to the recipient and the sender's identity-key signature
 * over it (both base64 in JSON). The recipient checks the signature against the sender's identity key of
 * the key generation before it opens anything.
 */
public record SetupMessage(int step, int sender, int recipient, byte[] ciphertext, byte[] signature) {}
