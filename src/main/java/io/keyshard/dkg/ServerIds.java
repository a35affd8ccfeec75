package io.keyshard.dkg;

import io.keyshard.ids.ServerNames;
import java.util.regex.Pattern;

/**
 * The fixed identifier of each server: {@code OFFICIAL_1..3} are always 1..3, every other server
 * uses the id in its configuration (4 or more, so it can never clash with an official server).
 */
public final class ServerIds {
    /** Ids 1..3 belong to OFFICIAL_1..3. */
    public static final int FIRST_CUSTOM_ID = 4;

    private static final Pattern OFFICIAL = Pattern.compile("OFFICIAL_([123])");

    private ServerIds() {}

    /**
     * The id a server takes in every key generation.
     *
     * @param configuredId the id from the server's configuration, or null (required for custom servers)
     * @throws IllegalArgumentException naming the rule broken and how to fix it
     */
    public static int idFor(String name, Integer configuredId) {
        ServerNames.require(name);
        var official = OFFICIAL.matcher(name);
        if (official.matches()) {
            int fixed = Integer.parseInt(official.group(1));
            if (configuredId != null && configuredId != fixed) {
                throw new IllegalArgumentException("server " + name + " always has id " + fixed
                        + ", but its configuration says " + configuredId + ": remove or correct the id");
            }
            return fixed;
        }
        if (configuredId == null) {
            throw new IllegalArgumentException("server " + name + " has no id: give it an id of " + FIRST_CUSTOM_ID
                    + " or more in its configuration");
        }
        if (configuredId < FIRST_CUSTOM_ID) {
            throw new IllegalArgumentException("server " + name + " has id " + configuredId + ": ids 1-3 belong to "
                    + "OFFICIAL_1..3 and 0 or less is never valid; use " + FIRST_CUSTOM_ID + " or more");
        }
        return configuredId;
    }
}
