package io.keyshard.node;

import io.keyshard.json.StrictJson;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A pairwise setup step as nodes of another setup version read it: version 2, from before the field, and newer ones. */
public final class OtherSetupVersion {
    private OtherSetupVersion() {}

    /** A setup step's body as a node of version 2 parses it. */
    record VersionTwo(String setupId, List<Integer> servers, List<SetupMessage> messages) {}

    /**
     * The JSON of the refusal of {@code body} (its status is 400) by a node of setup version {@code version}, or
     * null when that node takes the body: version 2 parses every step strictly without the field, a later version
     * as this one does, refusing another version in this version's words.
     */
    public static String refusal(int version, byte[] body) throws IOException {
        try {
            if (version == 2) {
                ApiExchange.parse(body, VersionTwo.class);
            } else if (version > SetupRequest.VERSION) {
                SetupRequest r = ApiExchange.parse(body, SetupRequest.class);
                if (r.version() != version) {
                    throw ApiException.otherVersion("setup", r.version(), version);
                }
            } else {
                throw new IllegalArgumentException("no other node of setup version " + version);
            }
            return null;
        } catch (ApiException e) {
            return StrictJson.mapper().writeValueAsString(Map.of("error", e.code(), "message", e.getMessage()));
        }
    }
}
