package io.keyshard.node;

import io.keyshard.dkg.Participant;
import io.keyshard.wire.ErrorAnswer;

/**
 * A refused request: its HTTP status and the {@code { "error": CODE, "message": ... }} body of
 * docs/protocol.md, Node API, with the typed culprit, check and burned fields of a refusal that blames another
 * server. Messages never carry a share, key, API key or keyId.
 */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient ErrorAnswer.Culprit culprit;
    private final String check;
    private final boolean burned;

    ApiException(int status, String code, String message) {
        this(status, code, message, null, null, false);
    }

    private ApiException(
            int status, String code, String message, ErrorAnswer.Culprit culprit, String check, boolean burned) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.culprit = culprit;
        this.check = check;
        this.burned = burned;
    }

    /** The body this refusal is answered with. */
    ErrorAnswer answer() {
        return new ErrorAnswer(code, getMessage(), culprit, check, burned);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException malformed(String message) {
        return new ApiException(400, "MALFORMED", message);
    }

    static ApiException unauthorized() {
        return new ApiException(
                401, "UNAUTHORIZED", "missing or unknown API key (send 'Authorization: Bearer <apiKey>')");
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "CONFLICT", message);
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "TOO_LARGE", "request body is larger than " + limit + " bytes");
    }

    /**
     * A 400 for a request of protocol version {@code theirs} of {@code what} to this server of version {@code
     * ours}. Clients read the server's version and which side is older from these words: keep them.
     */
    static ApiException otherVersion(String what, int theirs, int ours) {
        return malformed(what + ": version " + theirs + " is not this server's (" + ours + "); "
                + (theirs < ours
                        ? "the client is older than this server, update it"
                        : "this server is older than the client, update it"));
    }

    static ApiException protocol(String message) {
        return new ApiException(422, "PROTOCOL", message);
    }

    /**
     * A 422 about a message {@code culprit} sent, which failed {@code check} (null when no named check failed);
     * {@code burned} when this server threw away its pairwise setup with the culprit. A culprit that is this
     * server ({@code self}) is its own message relayed back to it: the typed culprit is left out, as for a
     * refusal that blames no single server.
     */
    static ApiException blaming(int self, Participant culprit, String check, boolean burned, String message) {
        return culprit == null
                ? blaming(self, 0, null, check, burned, message)
                : blaming(self, culprit.id(), culprit.name(), check, burned, message);
    }

    /** The same, for a culprit known by id and name; an id below 1 (the coordinator) is no single server. */
    static ApiException blaming(int self, int culpritId, String name, String check, boolean burned, String message) {
        ErrorAnswer.Culprit named =
                culpritId < 1 || culpritId == self ? null : new ErrorAnswer.Culprit(culpritId, name);
        return new ApiException(422, "PROTOCOL", message, named, check, named != null && burned);
    }
}
