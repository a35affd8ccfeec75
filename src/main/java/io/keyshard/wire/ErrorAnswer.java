package io.keyshard.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every refusal: a stable upper-case {@code error} code (MALFORMED, UNAUTHORIZED, NOT_FOUND, CONFLICT,
 * PROTOCOL, BUSY, ...) and a message for people that names no secret. A PROTOCOL refusal about what another server
 * sent also says so in typed fields, each left out when it does not apply: {@code culprit}, the server whose message
 * failed (never the answering server itself); {@code check}, the name of the check that failed; {@code burned},
 * true when the answering server threw away its pairwise setup with the culprit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorAnswer(String error, String message, Culprit culprit, String check, Boolean burned) {
    /** A server a refusal blames: its id in the key, and its name as the key recorded it (null if unknown). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Culprit(int serverId, String name) {}

    public ErrorAnswer {
        // only a burned setup is worth saying: "false" reads as the field left out
        burned = Boolean.TRUE.equals(burned) ? Boolean.TRUE : null;
    }

    /** A refusal that blames no other server. */
    public ErrorAnswer(String error, String message) {
        this(error, message, null, null, null);
    }

    /** True when the answering server burned its pairwise setup with the culprit. */
    public boolean setupBurned() {
        return burned != null;
    }
}
