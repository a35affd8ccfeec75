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
 * @param signature      hex, in the scheme's standard encoding (ECDSA: {@code r ‖ s}, each the curve's
 *                       field size)
 * @param r              ECDSA only (else null): r, hex
 * @param s              ECDSA only: s, hex (low-s on SECP256k1)
 * @param recoveryId     ECDSA only: 0 or 1, the parity of R's y after the low-s flip (EVM v = 27 + it)
 * @param der            ECDSA only: the DER encoding, hex
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
        Instant signedAt,
        String r,
        String s,
        Integer recoveryId,
        String der) {
    public SignResult {
        signers = List.copyOf(signers);
    }

    /** A Schnorr-family result (Ed25519, Ed448, BIP-340): no r, s, recovery id or DER. */
    public SignResult(
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
        this(
                signId,
                keyId,
                curve,
                scheme,
                derivationPath,
                publicKey,
                address,
                signers,
                messageSha256,
                signature,
                signedAt,
                null,
                null,
                null,
                null);
    }
}
