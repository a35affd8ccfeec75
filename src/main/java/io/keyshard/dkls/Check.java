package io.keyshard.dkls;

/** The DKLs23 checks a party makes on what a peer sent; each names what failed in an abort. */
public enum Check {
    /** A point or scalar that is not canonical, off the curve or the identity. */
    ENCODING,
    /** A message of the wrong shape (count of items, lengths). */
    SHAPE,
    /** A message bound to another request, or a signer set that is not the request's. */
    REQUEST,
    /** A peer saw other round 1 broadcasts than this party did (a split view), or used another R. */
    SPLIT_VIEW,
    /** An opened commitment that does not match what was committed. */
    COMMITMENT,
    /** A Schnorr proof of discrete logarithm that does not verify. */
    DLOG_PROOF,
    /** The base OT receiver's proof that its message encrypts a bit. */
    ENCRYPTION_PROOF,
    /** The KOS15 consistency check of the OT extension (selective-abort defence: burn the setup). */
    OT_EXTENSION_CONSISTENCY,
    /** The check of the random VOLE (selective-abort defence: burn the setup). */
    MULTIPLICATION,
    /** DKLs23 Protocol 3.6 step: χ·R_j = d_u·G + Γ^u_j. */
    NONCE_CONSISTENCY,
    /** DKLs23 Protocol 3.6 step: χ·pk_j = d_v·G + Γ^v_j. */
    KEY_CONSISTENCY,
    /** The signers' key shares do not add up to the public key. */
    PUBLIC_KEY,
    /** The signers' broadcast values give a signature that does not verify. */
    SIGNATURE;

    /** Whether a failure means the pair's OT setup must be thrown away before the pair signs again. */
    public boolean burnsSetup() {
        return this == OT_EXTENSION_CONSISTENCY
                || this == MULTIPLICATION
                || this == NONCE_CONSISTENCY
                || this == KEY_CONSISTENCY;
    }
}
