package io.keyshard.dkg;

/**
 * A round message as the relay and the signature checks see it: its session, its sender, the hash
 * its sender signed (everything but the signature) and the signature itself.
 */
public sealed interface SignedMessage permits Round1Message, Round2Message, Round3Message {
    byte[] sessionId();

    int sender();

    /** The round this message belongs to (1, 2 or 3). */
    int round();

    /** The hash the signature covers. */
    byte[] payloadHash();

    byte[] signature();

    /** The same message carrying {@code signature}. */
    SignedMessage withSignature(byte[] signature);
}
