package io.keyshard.client;

import io.keyshard.curve.CurveName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A threshold signature, verified under the key it is for before it was returned, with everything a
 * signing history entry holds.
 *
 * @param scheme         {@code Ed25519}, {@code Ed448} or {@code BIP-340}
 * @param publicKey      hex of the key the signature verifies under: the derived key, or for a taproot
 *                       tweak the output key (x-only)
 * @param address        the chain's address of that key, or null when no chain was asked for
 * @param signers        the servers that signed, in the key's order
 * @param messageSha256  SHA-256 of the signed message, hex (what a history keeps instead of the message)
 * @param signature      hex, in the scheme's standard encoding
 */
public record SignResult(
        UUID signId,
        UUID keyId,
        CurveName curve,
        String scheme,
        String derivationPath,
        String publicKey,
        String address,
        List<String> signers,
        String messageSha256,
        String signature,
        Instant signedAt) {
    public SignResult {
        signers = List.copyOf(signers);
    }
}
