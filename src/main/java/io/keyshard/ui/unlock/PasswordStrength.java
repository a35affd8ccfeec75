package io.keyshard.ui.unlock;

/**
 * A rough estimate of how hard a vault password is to guess, for the strength meter: the length
 * that counts (repeats and runs like "aaa" or "123" count little) times the bits of the kinds of
 * characters used. Only {@link Level#WEAK} passwords are refused.
 */
public final class PasswordStrength {
    /** Fewer characters than this are refused whatever they are. */
    public static final int MIN_LENGTH = 10;

    /** How a password rates, with the words the meter shows. */
    public enum Level {
        WEAK("Too weak"), FAIR("Fair"), GOOD("Good"), STRONG("Strong");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private PasswordStrength() {
    }

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

    public static Level level(CharSequence password) {
        if (password.length() < MIN_LENGTH) {
            return Level.WEAK;
        }
        double bits = bits(password);
        return bits < 45 ? Level.WEAK : bits < 60 ? Level.FAIR : bits < 80 ? Level.GOOD : Level.STRONG;
    }

    /** True when the password may protect a vault. */
    public static boolean acceptable(CharSequence password) {
        return level(password) != Level.WEAK;
    }
}
