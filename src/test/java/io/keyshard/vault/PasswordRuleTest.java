package io.keyshard.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.vault.PasswordRule.Purpose;
import io.keyshard.vault.PasswordRule.Strength;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule for every password a user chooses, with the words each face shows. */
class PasswordRuleTest {

    @Test
    void shortRepetitiveOrRunPasswordsAreRefused() {
        assertFalse(PasswordRule.acceptable("Tr0ub4d!"), "under the minimum length");
        assertFalse(PasswordRule.acceptable("aaaaaaaaaaaaaaaa"), "one repeated character");
        assertFalse(PasswordRule.acceptable("1234567890"), "a run of digits");
        assertFalse(PasswordRule.acceptable("abcdefghijkl"), "a run of letters");
        assertFalse(PasswordRule.acceptable("password12"));
    }

    @Test
    void longerAndMoreVariedPasswordsRateHigher() {
        assertTrue(PasswordRule.acceptable("correct horse battery"));
        assertEquals(Strength.STRONG, PasswordRule.strength("correct horse battery staple"));
        assertTrue(PasswordRule.bits("Kx7#mQ2!vR9z") > PasswordRule.bits("kxamqbvrczzz"));
        assertTrue(PasswordRule.strength("Kx7#mQ2!vR9z").compareTo(Strength.FAIR) >= 0);
    }

    @Test
    void everyPurposeGetsTheSameRuleNamedForItsPassword() {
        assertEquals(
                Optional.of("Choose a backup password of at least 10 characters."),
                PasswordRule.problem("", Purpose.BACKUP));
        assertEquals(
                Optional.of("The vault password needs at least 10 characters (2 more)."),
                PasswordRule.problem("12345678", Purpose.VAULT));
        assertTrue(PasswordRule.problem("password12", Purpose.BACKUP)
                .orElseThrow()
                .startsWith("This backup password is too easy to guess"));
        assertEquals(Optional.empty(), PasswordRule.problem("correct horse battery", Purpose.BACKUP));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PasswordRule.check("password".toCharArray(), Purpose.BACKUP));
        assertEquals("The backup password needs at least 10 characters (2 more).", e.getMessage());
    }
}
