package io.keyshard.wire;

/**
 * A signer's answer to round 2: its signature share {@code z_i} (the suite's scalar encoding, hex)
 * and its identity key's signature over it, the request and the commitments it signed with
 * ({@link SignTranscript#share}).
 */
public record SignShare(int sender, String share, String signature) {}
