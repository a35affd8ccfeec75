package io.keyshard.wire;

/**
 * A signer's answer to round 1: its nonce commitments {@code D_i} ({@code hiding}) and {@code E_i}
 * ({@code binding}) as the ciphersuite's element encoding in hex, and its identity key's signature
 * over them and the request ({@link SignTranscript#commitment}).
 */
public record SignCommitment(int sender, String hiding, String binding, String signature) {}
