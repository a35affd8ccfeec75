package io.keyshard.node;

import io.keyshard.json.StrictJson;
import io.keyshard.wire.DklsRound1Request;
import io.keyshard.wire.SignRound1Request;
import java.io.IOException;
import java.util.Map;

/** Signing round 1 as older nodes read it: from before relay versions, and of relay versions 2 and 3. */
public final class OlderRoundOne {
    private OlderRoundOne() {}

    /**
     * The JSON of the refusal of {@code body} (its status is 400) by a node of relay version {@code version}, or
     * null when that node takes the body: version 0 is a node from before relay versions, which parses every
     * round 1 strictly as the bare request; versions 2 and 3 parse an ECDSA round 1 as this version does and
     * refuse another relay version in their own words (version 3's are this version's).
     */
    public static String refusal(int version, byte[] body) throws IOException {
        try {
            if (version == 0) {
                ApiExchange.parse(body, SignRound1Request.class);
            } else if (version == 2) {
                DklsRound1Request d = ApiExchange.parse(body, DklsRound1Request.class);
                if (d.relay() != 2) {
                    throw ApiException.malformed("relay: version " + d.relay()
                            + " is not this server's (2); update the older of the client and this server");
                }
            } else if (version == 3) {
                DklsRound1Request d = ApiExchange.parse(body, DklsRound1Request.class);
                if (d.relay() != 3) {
                    throw ApiException.malformed("relay: version " + d.relay() + " is not this server's (3); "
                            + (d.relay() < 3
                                    ? "the client is older than this server, update it"
                                    : "this server is older than the client, update it"));
                }
            } else {
                throw new IllegalArgumentException("no older node of relay version " + version);
            }
            return null;
        } catch (ApiException e) {
            return StrictJson.mapper().writeValueAsString(Map.of("error", e.code(), "message", e.getMessage()));
        }
    }
}
