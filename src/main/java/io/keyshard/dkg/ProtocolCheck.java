package io.keyshard.dkg;

/**
 * The checks of docs/protocol.md a key generation can fail, each with a line a user can read.
 * {@link #stateViolation()} marks refusals of a request that leave the session as it was; every
 * other failure ends the session for good.
 */
public enum ProtocolCheck {
    MALFORMED("a message is malformed (missing field, wrong length or count, unknown sender)", false),
    MISSING_OR_DUPLICATE("the set of messages does not hold exactly one message from every server", false),
    WRONG_SENDER("a server answered with a message that claims to come from another server", false),
    COMMITMENT_COUNT("the commitment vector does not have exactly threshold entries", false),
    INVALID_POINT("a point fails strict decoding (off the curve, non-canonical or the identity)", false),
    INVALID_SCALAR("a scalar is zero or not below the group order", false),
    SIGNATURE("a signature does not verify under the sender's identity key", false),
    PROOF_OF_POSSESSION(
            "the proof of possession of the constant term does not verify for this key generation and sender", false),
    EQUIVOCATION("servers were shown different round-1 messages (the signed echoes differ)", false),
    SHARE_DECRYPTION("an encrypted share does not decrypt for its recipient", false),
    FELDMAN("a share does not match its sender's Feldman commitments", false),
    REVEAL_MISMATCH("a revealed chain-code contribution does not match its committed hash", false),
    OWN_MESSAGE_ALTERED("this server's own message came back different from what it sent", false),
    RESULT_MISMATCH("the servers' final public results are not identical", false),
    INTERPOLATION("the verification shares do not interpolate to the group key", false),
    WRONG_SESSION("a message belongs to another session (replayed or misrouted)", true),
    ROUND_REPEATED("this round was already answered in this key generation", true),
    OUT_OF_ORDER("a round was asked for before the previous one finished", true),
    SESSION_ENDED("the session already finished or failed", true);

    private final String description;
    private final boolean stateViolation;

    ProtocolCheck(String description, boolean stateViolation) {
        this.description = description;
        this.stateViolation = stateViolation;
    }

    /** What the check guards, in words a user can act on. */
    public String description() {
        return description;
    }

    /** True when the request was refused and nothing changed; false when the session failed and is over. */
    public boolean stateViolation() {
        return stateViolation;
    }
}
