package io.keyshard.client;

import io.keyshard.curve.CurveName;
import java.util.List;

/**
 * What {@link ComponentModule#GENERATE_KEY_SHARE} takes: the curve, the threshold t and the
 * servers by name (at least 2, {@code 2 <= t <= n}), and an optional label for the vault record.
 */
public record KeygenRequest(CurveName curve, int threshold, List<String> servers, String label) {
    public KeygenRequest {
        if (curve == null) {
            throw new IllegalArgumentException("choose a curve");
        }
        if (servers == null || servers.size() < 2) {
            throw new IllegalArgumentException("choose at least 2 servers");
        }
        servers = List.copyOf(servers);
        if (servers.stream().distinct().count() != servers.size()) {
            throw new IllegalArgumentException("a server is listed twice; each server can hold one share");
        }
        if (threshold < 2 || threshold > servers.size()) {
            throw new IllegalArgumentException(
                    "threshold must be between 2 and the number of servers (" + servers.size() + "), got " + threshold);
        }
        if (label != null && label.length() > 200) {
            throw new IllegalArgumentException("label must be at most 200 characters");
        }
    }

    /** A request without a label. */
    public KeygenRequest(CurveName curve, int threshold, List<String> servers) {
        this(curve, threshold, servers, null);
    }
}
