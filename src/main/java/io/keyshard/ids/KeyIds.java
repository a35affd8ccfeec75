package io.keyshard.ids;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one rule for a keyId: a random (version 4) UUID in canonical lowercase form, as every key
 * generation creates it. Nodes, session setups and vault records accept only that form; text a
 * person typed goes through {@link #parseTyped}, which normalises case and surrounding space first.
 */
public final class KeyIds {
    private static final Pattern CANONICAL_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** The rule as messages state it. */
    public static final String RULE = "a keyId is a version-4 UUID in canonical lowercase form "
            + "(8-4-4-4-12 hex digits, e.g. 3f2b8c1e-9d4a-4c1b-8e2f-0a1b2c3d4e5f)";

    private KeyIds() {}

    /** True when {@code text} is a keyId in its one canonical form. */
    public static boolean isCanonical(String text) {
        return text != null && CANONICAL_V4.matcher(text).matches();
    }

    /**
     * The keyId {@code text} spells in canonical form.
     *
     * @throws IllegalArgumentException stating the rule (never echoing the text)
     */
    public static UUID parse(String text) {
        if (!isCanonical(text)) {
            throw new IllegalArgumentException(RULE);
        }
        return UUID.fromString(text);
    }

    /** A keyId a person typed: surrounding space and uppercase are allowed, then the canonical rule applies. */
    public static UUID parseTyped(String text) {
        return parse(text == null ? null : text.strip().toLowerCase(Locale.ROOT));
    }
}
