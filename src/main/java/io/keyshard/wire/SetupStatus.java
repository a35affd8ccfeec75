package io.keyshard.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A key's ECDSA pairwise setup on one server ({@code GET /v1/keys/{keyId}/ecdsa-setup}, and the answer to
 * step 3): NONE, COMPLETE (every pair of {@code setupId} stored) or BURNED (a pair refused after a failed
 * check, listed in {@code burned}: the key signs with those peers only after a new setup). {@code setupId}
 * and {@code servers} are left out for NONE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetupStatus(State state, String setupId, List<Integer> servers, List<Integer> burned) {
    /** Where a key's setup stands on a server. */
    public enum State {
        NONE,
        COMPLETE,
        BURNED
    }

    public SetupStatus {
        if (state == null) {
            throw new IllegalArgumentException("a setup status needs a state");
        }
        burned = burned == null ? List.of() : List.copyOf(burned);
        servers = servers == null ? null : List.copyOf(servers);
    }

    public static SetupStatus none() {
        return new SetupStatus(State.NONE, null, null, List.of());
    }
}
