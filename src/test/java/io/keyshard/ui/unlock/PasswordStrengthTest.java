package io.keyshard.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.ui.unlock.PasswordStrength.Level;
import org.junit.jupiter.api.Test;

class PasswordStrengthTest {

    @Test
    void shortRepetitiveOrRunPasswordsAreRefused() {
        assertFalse(PasswordStrength.acceptable("Tr0ub4d!"), "under the minimum length");
        assertFalse(PasswordStrength.acceptable("aaaaaaaaaaaaaaaa"), "one repeated character");
        assertFalse(PasswordStrength.acceptable("1234567890"), "a run of digits");
        assertFalse(PasswordStrength.acceptable("abcdefghijkl"), "a run of letters");
        assertFalse(PasswordStrength.acceptable("password12"));
    }

    @Test
    void longerAndMoreVariedPasswordsRateHigher() {
        assertTrue(PasswordStrength.acceptable("correct horse battery"));
        assertEquals(Level.STRONG, PasswordStrength.level("correct horse battery staple"));
        assertTrue(PasswordStrength.bits("Kx7#mQ2!vR9z") > PasswordStrength.bits("kxamqbvrczzz"));
        assertTrue(PasswordStrength.level("Kx7#mQ2!vR9z").compareTo(Level.FAIR) >= 0);
    }
}
