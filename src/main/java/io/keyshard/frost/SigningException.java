package io.keyshard.frost;

import java.util.List;

/**
 * A signing check failed. Names the check and the culprit identifiers (the coordinator as 0 when
 * no single signer is to blame); the message never holds a share, a nonce or a key.
 */
public final class SigningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The culprit id when the coordinator's package, not a signer, broke the rule. */
    public static final int COORDINATOR = 0;

    private final SigningCheck check;
    private final List<Integer> culprits;
    private final String detail;

    public SigningException(SigningCheck check, List<Integer> culprits, String detail) {
        super(message(check, culprits, detail));
        this.check = check;
        this.culprits = List.copyOf(culprits);
        this.detail = detail;
    }

    static SigningException blame(SigningCheck check, int culprit, String detail) {
        return new SigningException(check, List.of(culprit), detail);
    }

    private static String message(SigningCheck check, List<Integer> culprits, String detail) {
        String who = culprits.equals(List.of(COORDINATOR))
                ? "the coordinator"
                : (culprits.size() == 1 ? "signer " : "signers ") + culprits;
        return "signing failed, culprit " + who + ": " + check.description() + ": " + detail;
    }

    public SigningCheck check() {
        return check;
    }

    /** The first culprit: a signer identifier, or {@link #COORDINATOR}. */
    public int culpritId() {
        return culprits.get(0);
    }

    /** Every culprit found, in ascending order (several signers can send bad shares at once). */
    public List<Integer> culprits() {
        return culprits;
    }

    /** The specific finding, without the check's general description. */
    public String detail() {
        return detail;
    }
}
