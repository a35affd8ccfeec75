package io.keyshard.vault;

import java.nio.CharBuffer;
import java.util.Optional;

/**
 * The one rule for every password Keyshard asks the user to choose (the vault's, a new one, a
 * backup's), in the app and the CLI alike: at least {@link #MIN_LENGTH} characters and not
 * {@link Strength#WEAK}. The strength is a rough estimate of guessing work: the length that counts
 * (repeats and runs like "aaa" or "123" count little) times the bits of the kinds of characters used.
 */
public final class PasswordRule {
    /** Fewer characters than this are refused whatever they are. */
    public static final int MIN_LENGTH = 10;

    /** Which password is being chosen, named as every message names it. */
    public enum Purpose {
        VAULT("vault password"),
        BACKUP("backup password");

        private final String noun;

        Purpose(String noun) {
            this.noun = noun;
        }

        /** "vault password" or "backup password". */
        public String noun() {
            return noun;
        }
    }

    /** How a password rates, with the words the meter shows. */
    public enum Strength {
        WEAK("Too weak"),
        FAIR("Fair"),
        GOOD("Good"),
        STRONG("Strong");

        private final String label;

        Strength(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private PasswordRule() {}

    /** Estimated bits of guessing work; reads the characters without copying them into a String. */
    public static double bits(CharSequence password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        boolean nonAscii = false;
        double effective = 0;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
            nonAscii |= c > 127;
            other |= c <= 127 && !Character.isLetterOrDigit(c);
            boolean predictable = i > 0 && Math.abs(c - password.charAt(i - 1)) <= 1;
            effective += predictable ? 0.25 : 1;
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0) + (nonAscii ? 100 : 0);
        return pool == 0 ? 0 : effective * Math.log(pool) / Math.log(2);
    }

    /** The meter's rating; anything shorter than {@link #MIN_LENGTH} is WEAK. */
    public static Strength strength(CharSequence password) {
        if (password.length() < MIN_LENGTH) {
            return Strength.WEAK;
        }
        double bits = bits(password);
        return bits < 45 ? Strength.WEAK : bits < 60 ? Strength.FAIR : bits < 80 ? Strength.GOOD : Strength.STRONG;
    }

    /** True when the password may be chosen. */
    public static boolean acceptable(CharSequence password) {
        return strength(password) != Strength.WEAK;
    }

    /** What is wrong with {@code password} as a new password for {@code purpose}, in the words every face shows; empty if it is fine. */
    public static Optional<String> problem(CharSequence password, Purpose purpose) {
        int length = password == null ? 0 : password.length();
        if (length == 0) {
            return Optional.of("Choose a " + purpose.noun() + " of at least " + MIN_LENGTH + " characters.");
        }
        if (length < MIN_LENGTH) {
            int more = MIN_LENGTH - length;
            return Optional.of(
                    "The " + purpose.noun() + " needs at least " + MIN_LENGTH + " characters (" + more + " more).");
        }
        if (!acceptable(password)) {
            return Optional.of("This " + purpose.noun() + " is too easy to guess: add a few unrelated words, "
                    + "or mix in capitals, digits and symbols.");
        }
        return Optional.empty();
    }

    /** Refuses a password that breaks the rule, with {@link #problem}'s words; reads it without copying it. */
    public static void check(char[] password, Purpose purpose) {
        Optional<String> problem = problem(password == null ? null : CharBuffer.wrap(password), purpose);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }
}
