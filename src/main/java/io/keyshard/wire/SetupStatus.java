package io.keyshard.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the ECDSA pairwise setups of a key's servers stand on one server ({@code GET
 * /v1/keys/{keyId}/ecdsa-setup}, and the answer to step 3). A pair belongs to two servers and serves every
 * key they hold on the curve: {@code pairs} gives the setup id of this server's pair with each other server
 * of the key that has one, {@code burned} those refused after a failed check (the key signs with them only
 * after a new setup). {@code state} is COMPLETE when every pair is there unburned, BURNED when any is burned,
 * NONE otherwise; {@code setupId} is the pairs' one setup id when they all have the same (left out
 * otherwise), {@code servers} the key's server ids.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetupStatus(
        State state, String setupId, List<Integer> servers, List<Integer> burned, Map<Integer, String> pairs) {
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
        pairs = pairs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(pairs));
    }

    /** The setup id of this server's unburned pair with server {@code peer}, or null when it has none. */
    public String usablePair(int peer) {
        return burned.contains(peer) ? null : pairs.get(peer);
    }
}
