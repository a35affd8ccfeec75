package io.keyshard.dkls;

/**
 * A check on a peer's message failed: the session ends, naming the peer and the check. The message
 * holds no secret. When {@link Check#burnsSetup()} the pair's OT setup must not be used again.
 */
public final class ProtocolAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int culprit;
    private final transient Check check;

    public ProtocolAbort(int culprit, Check check, String detail) {
        super("party " + culprit + " failed the " + check.name() + " check: " + detail);
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
