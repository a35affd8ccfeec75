package io.keyshard.frost;

import io.keyshard.curve.Scalar;

/** A signer's round-2 output (RFC 9591 5.2): {@code z_i}. */
public record SignatureShare(int identifier, Scalar share) {
    /** Decodes a received share strictly (DeserializeScalar, RFC 9591 5.3), naming the sender if it fails. */
    public static SignatureShare decode(Ciphersuite suite, int identifier, byte[] encoded) {
        try {
            return new SignatureShare(identifier, suite.deserializeScalar(encoded));
        } catch (IllegalArgumentException e) {
            throw SigningException.blame(
                    SigningCheck.INVALID_SCALAR, identifier, "its signature share: " + e.getMessage());
        }
    }

    public byte[] encode() {
        return share.encode();
    }
}
