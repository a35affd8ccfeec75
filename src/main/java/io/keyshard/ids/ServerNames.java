package io.keyshard.ids;

import java.util.regex.Pattern;

/**
 * The one rule for a server's name, shared by node configs, servers.json, vault records and the
 * DKG roster: 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit, so a name is
 * safe in paths, JSON keys, certificate names and messages.
 */
public final class ServerNames {
    /** The longest name allowed. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");
    private static final String RULE = "server name must be 1-" + MAX_LENGTH + " characters of letters, digits, "
            + "'_', '.' or '-', starting with a letter or digit";

    private ServerNames() {}

    /** True when {@code name} follows the rule. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Returns {@code name} when it follows the rule.
     *
     * @throws IllegalArgumentException stating the rule (never echoing the name, which may be anything)
     */
    public static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(RULE);
        }
        return name;
    }
}
