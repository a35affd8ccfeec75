package io.keyshard.frost;

/** The checks a FROST signing can fail (RFC 9591 sections 5.2 to 5.4), each with a line a user can read. */
public enum SigningCheck {
    SIGNER_SET("the signer set is smaller than the threshold or holds a repeated or non-positive identifier"),
    OWN_COMMITMENT("this signer's commitments are missing from the commitment list or differ from the ones it made"),
    NONCES_SPENT("the signing nonces were already used or destroyed (a nonce signs once)"),
    INVALID_ELEMENT(
            "a point fails strict decoding (wrong length, off the curve, non-canonical, small order or the identity)"),
    INVALID_SCALAR("a scalar is not the suite's length or not below the group order"),
    SHARE_SET("the signature shares do not come from exactly the signers of the commitment list"),
    SIGNATURE_SHARE("a signature share does not verify against its signer's commitments and verification share"),
    GROUP_COMMITMENT("the group commitment is the identity element"),
    SIGNATURE("the aggregate signature does not verify under the group key");

    private final String description;

    SigningCheck(String description) {
        this.description = description;
    }

    /** What the check guards, in words a user can act on. */
    public String description() {
        return description;
    }
}
