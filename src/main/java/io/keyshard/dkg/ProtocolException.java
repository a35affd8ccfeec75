package io.keyshard.dkg;

/**
 * A key generation check failed. Names the culprit (a server, or the coordinator as id 0) and the
 * check; the message never holds a share, a secret or the keyId.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The culprit id used when the relay (the coordinator) delivered something no server could have signed. */
    public static final int COORDINATOR = 0;

    private final ProtocolCheck check;
    private final int culpritId;
    private final String culpritName;
    private final String detail;

    public ProtocolException(ProtocolCheck check, int culpritId, String culpritName, String detail) {
        super(message(check, culpritId, culpritName, detail));
        this.check = check;
        this.culpritId = culpritId;
        this.culpritName = culpritName;
        this.detail = detail;
    }

    static ProtocolException blame(ProtocolCheck check, Participant culprit, String detail) {
        return new ProtocolException(check, culprit.id(), culprit.name(), detail);
    }

    static ProtocolException blameCoordinator(ProtocolCheck check, String detail) {
        return new ProtocolException(check, COORDINATOR, "coordinator", detail);
    }

    private static String message(ProtocolCheck check, int id, String name, String detail) {
        String who = id == COORDINATOR ? "the coordinator" : "server " + name + " (id " + id + ")";
        return "key generation failed, culprit " + who + ": " + check.description() + ": " + detail;
    }

    public ProtocolCheck check() {
        return check;
    }

    /** The culprit's identifier, or {@link #COORDINATOR}. */
    public int culpritId() {
        return culpritId;
    }

    public String culpritName() {
        return culpritName;
    }

    /** The specific finding, without the check's general description. */
    public String detail() {
        return detail;
    }
}
