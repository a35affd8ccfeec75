package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.wire.ErrorAnswer;
import java.util.regex.Pattern;

/**
 * A server was unreachable, refused a request or answered nonsense (exit code 4; 5 for a PROTOCOL refusal). The
 * message names the server and the reason, never a key or keyId; a refusal that blames another server's message
 * also keeps the answer's typed culprit, check and burned fields.
 */
public final class ServerException extends Exception implements ExitCoded {
    private static final long serialVersionUID = 1L;
    private final String server;
    private final int status;
    private final String code;
    private final boolean refused;
    private final transient ErrorAnswer.Culprit culprit;
    private final String check;
    private final boolean burned;
    private final String detail;

    /** A check's name as an answer may give it: an enum constant's shape, nothing a message could hide in. */
    private static final Pattern CHECK_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public ServerException(String server, int status, String code, String reason) {
        this(server, status, code, reason, false, null);
    }

    private ServerException(
            String server, int status, String code, String reason, boolean refused, ErrorAnswer answer) {
        super("server " + server + ": " + reason);
        this.server = server;
        this.status = status;
        this.code = code;
        this.refused = refused;
        this.detail = answer == null || answer.message() == null ? reason : answer.message();
        boolean blames = answer != null && status == 422 && "PROTOCOL".equals(code);
        this.culprit = blames && answer.culprit() != null && answer.culprit().serverId() > 0 ? answer.culprit() : null;
        this.check = blames
                        && answer.check() != null
                        && CHECK_NAME.matcher(answer.check()).matches()
                ? answer.check()
                : null;
        this.burned = culprit != null && answer.setupBurned();
    }

    /**
     * The server answered {@code status} with the error body {@code answer}: its code (or HTTP_status) and message
     * make the reason; a PROTOCOL refusal's typed fields are kept when well-formed and ignored otherwise.
     */
    static ServerException refusal(String server, int status, ErrorAnswer answer) {
        String code = answer.error() == null ? "HTTP_" + status : answer.error();
        String message = answer.message() == null ? "no message" : answer.message();
        return new ServerException(
                server, status, code, "refused the request (" + status + " " + code + "): " + message, false, answer);
    }

    /** Nothing listens at the server's address: the connection was refused. */
    static ServerException connectionRefused(String server, String reason) {
        return new ServerException(server, 0, null, reason, true, null);
    }

    /** True when nothing listened at the server's address (a stopped server, not a hung one). */
    public boolean connectionRefused() {
        return refused;
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The server's error code ({@code UNAUTHORIZED}, {@code PROTOCOL}, ...), or null when there was no answer. */
    public String code() {
        return code;
    }

    /** What the server said, for people: its error message, or the reason when it sent none. */
    public String detail() {
        return detail;
    }

    /** The server this PROTOCOL refusal blames for the message that failed (id and name as sent), or null. */
    public ErrorAnswer.Culprit culprit() {
        return culprit;
    }

    /** The name of the check that failed (an enum constant such as MULTIPLICATION), or null. */
    public String check() {
        return check;
    }

    /** True when the refusing server burned its pairwise setup with {@link #culprit()}. */
    public boolean setupBurned() {
        return burned;
    }

    @Override
    public int exitCode() {
        return "PROTOCOL".equals(code) ? PROTOCOL : SERVER;
    }
}
