package io.keyshard.address;

/**
 * A derivation choice that cannot be met, typed so that each face words it in terms of its own
 * controls; the message is a wording that names none of them.
 */
public final class DerivationProblem extends IllegalArgumentException {
    /** What is wrong with the choice. */
    public enum Kind {
        /** the chain's default path has no account level (did:key: m/0/i), yet an account other than 0 was chosen */
        NO_ACCOUNT_LEVEL,
        /** an account or address index is below 0 or at 2^31 and above (hardened) */
        INDEX_OUT_OF_RANGE,
        /** a whole path and an account or index were both given */
        PATH_AND_INDEX,
        /** an account or index was given without a chain to take the default path from */
        INDEX_WITHOUT_CHAIN,
        /** the network asked for differs from the one the extended key is for */
        NETWORK_MISMATCH
    }

    private final Kind kind;
    private final String subject;

    /**
     * @param subject what the problem is about in the face-neutral message: the chain id for NO_ACCOUNT_LEVEL,
     *                "account"/"index" for INDEX_OUT_OF_RANGE, the xpub prefix for NETWORK_MISMATCH, else null
     */
    DerivationProblem(Kind kind, String subject, String message) {
        super(message);
        this.kind = kind;
        this.subject = subject;
    }

    public Kind kind() {
        return kind;
    }

    /** The chain id, level name or key prefix the problem is about (see the constructor), or null. */
    public String subject() {
        return subject;
    }
}
