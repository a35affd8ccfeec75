package io.keyshard.frost;

import io.keyshard.curve.Point;

/** A signer's round-1 output (RFC 9591 5.1): its identifier and nonce commitments {@code D_i = d_i·G}, {@code E_i = e_i·G}. */
public record SigningCommitments(int identifier, Point hiding, Point binding) {
    /** Decodes received commitments strictly, naming the sender on a bad point. */
    public static SigningCommitments decode(Ciphersuite suite, int identifier, byte[] hiding, byte[] binding) {
        try {
            return new SigningCommitments(
                    identifier, suite.deserializeElement(hiding), suite.deserializeElement(binding));
        } catch (IllegalArgumentException e) {
            throw SigningException.blame(
                    SigningCheck.INVALID_ELEMENT, identifier, "its commitments: " + e.getMessage());
        }
    }
}
