package io.keyshard.wire;

/**
 * The answer to {@code GET /v1/health}: {@code status} is always {@code "ok"}, then the server's
 * configured name and id and the software version.
 */
public record HealthAnswer(String status, String name, int id, String version) {
    /** The only status a healthy node reports. */
    public static final String OK = "ok";

    /** A healthy node's answer. */
    public static HealthAnswer ok(String name, int id, String version) {
        return new HealthAnswer(OK, name, id, version);
    }
}
