package io.keyshard.node;

/**
 * A refused request: its HTTP status and the {@code { "error": CODE, "message": ... }} body of
 * docs/protocol.md, Node API. Messages never carry a share, key, API key or keyId.
 */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
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

    static ApiException protocol(String message) {
        return new ApiException(422, "PROTOCOL", message);
    }
}
