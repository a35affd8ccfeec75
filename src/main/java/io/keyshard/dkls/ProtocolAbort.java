package io.keyshard.dkls;

/**
 * A check on a peer's message failed: the session ends, naming the peer and the check. The message
 * holds no secret. When {@link Check#burnsSetup()} the pair's OT setup must not be used again.
 * Culprit 0 is a failure no single signer can be blamed for, or one of the relay (a changed own message,
 * shares that do not add up to the key, a final signature that does not verify).
 */
public final class ProtocolAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The culprit of a failure that names no single signer. */
    public static final int UNATTRIBUTED = 0;

    private final int culprit;
    private final transient Check check;

    public ProtocolAbort(int culprit, Check check, String detail) {
        super((culprit == UNATTRIBUTED ? "no single party" : "party " + culprit) + " failed the " + check.name()
                + " check: " + detail);
        this.culprit = culprit;
        this.check = check;
    }

    /** The identifier of the party whose message failed the check. */
    public int culprit() {
        return culprit;
    }

    public Check check() {
        return check;
    }
}
