package io.keyshard.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one server-name rule and the one keyId rule, at their edges. */
class IdRulesTest {
    private static final String V4 = "3f2b8c1e-9d4a-4c1b-8e2f-0a1b2c3d4e5f";

    @Test
    void serverNamesStartWithALetterOrDigit() {
        assertTrue(ServerNames.isValid("OFFICIAL_1"));
        assertTrue(ServerNames.isValid("a"));
        assertTrue(ServerNames.isValid("9.node-b_c"));
        assertTrue(ServerNames.isValid("a".repeat(64)));
        assertFalse(ServerNames.isValid("_hidden"), "a leading '_' is refused everywhere");
        assertFalse(ServerNames.isValid(".dot"));
        assertFalse(ServerNames.isValid("-dash"));
        assertFalse(ServerNames.isValid(""));
        assertFalse(ServerNames.isValid(null));
        assertFalse(ServerNames.isValid("a".repeat(65)));
        assertFalse(ServerNames.isValid("a b"));
        assertFalse(ServerNames.isValid("a/b"));
        assertFalse(ServerNames.isValid("é"));
    }

    @Test
    void aRefusedNameIsNotEchoed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ServerNames.require("_secretish"));
        assertFalse(e.getMessage().contains("_secretish"));
    }

    @Test
    void keyIdsAreCanonicalLowercaseVersion4() {
        assertEquals(UUID.fromString(V4), KeyIds.parse(V4));
        assertTrue(KeyIds.isCanonical(UUID.randomUUID().toString()));
        assertFalse(KeyIds.isCanonical(V4.toUpperCase(Locale.ROOT)));
        assertFalse(KeyIds.isCanonical(" " + V4));
        assertFalse(KeyIds.isCanonical("3f2b8c1e-9d4a-1c1b-8e2f-0a1b2c3d4e5f"), "version 1 is refused");
        assertFalse(KeyIds.isCanonical("3f2b8c1e-9d4a-4c1b-7e2f-0a1b2c3d4e5f"), "another variant is refused");
        assertFalse(KeyIds.isCanonical("3f2b8c1e9d4a4c1b8e2f0a1b2c3d4e5f"));
        assertFalse(KeyIds.isCanonical("1-2-4-8-1"), "UUID.fromString's lenient short form is refused");
        assertThrows(IllegalArgumentException.class, () -> KeyIds.parse(null));
    }

    @Test
    void typedKeyIdsAreNormalisedThroughTheSameRule() {
        assertEquals(UUID.fromString(V4), KeyIds.parseTyped("  " + V4.toUpperCase(Locale.ROOT) + "\n"));
        assertThrows(IllegalArgumentException.class, () -> KeyIds.parseTyped("1-2-4-8-1"));
        assertThrows(IllegalArgumentException.class, () -> KeyIds.parseTyped("3f2b8c1e-9d4a-1c1b-8e2f-0a1b2c3d4e5f"));
    }
}
