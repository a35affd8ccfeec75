package io.keyshard.curve;

/** Questions about 32-byte edwards25519 encodings that are not keys, such as Solana's program addresses. */
public final class Ed25519Encodings {
    private Ed25519Encodings() {}

    /**
     * True when some edwards25519 point has the y of {@code encoded} (its low 255 bits modulo p; sign bit, canonical
     * form, small order and subgroup not asked), as curve25519-dalek's decompression decides it: Solana keeps a
     * program-derived address where this is false, so that no private key can sign for it.
     */
    public static boolean hasPointWithY(byte[] encoded) {
        return ((EdwardsCurve) CurveName.ED25519.curve()).hasPointWithY(encoded);
    }
}
