package io.keyshard.node;

import io.keyshard.json.StrictJson;
import io.keyshard.wire.SignRound1Request;
import java.io.IOException;
import java.util.Map;

/** Signing round 1 as a node from before relay versions read every body: the bare request, strictly. */
public final class BareRoundOne {
    private BareRoundOne() {}

    /** The JSON of such a node's refusal of {@code body} (its status is 400), or null when the body parses. */
    public static String refusal(byte[] body) throws IOException {
        try {
            ApiExchange.parse(body, SignRound1Request.class);
            return null;
        } catch (ApiException e) {
            return StrictJson.mapper().writeValueAsString(Map.of("error", e.code(), "message", e.getMessage()));
        }
    }
}
