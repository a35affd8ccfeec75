package io.keyshard.ui.common;

import io.keyshard.vault.PasswordRule;
import io.keyshard.vault.PasswordRule.Purpose;
import io.keyshard.vault.PasswordRule.Strength;
import java.nio.CharBuffer;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The strength meter and hint of every form where a new password is chosen (the vault's, a new
 * vault password, a backup's): {@link PasswordRule} rates it, and the hint says what is still
 * missing in the rule's own words, until the two fields match.
 */
public final class PasswordMeter {
    private final Purpose purpose;
    private final ReadOnlyObjectWrapper<Strength> strength =
            new ReadOnlyObjectWrapper<>(this, "strength", Strength.WEAK);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    public PasswordMeter(Purpose purpose) {
        this.purpose = purpose;
        edited("", "");
    }

    /** Re-rates the form as the user types; reads the field contents without making Strings. */
    public void edited(CharSequence password, CharSequence confirm) {
        strength.set(PasswordRule.strength(password));
        empty.set(password.length() == 0);
        String h = PasswordRule.problem(password, purpose).orElseGet(() -> {
            if (sameCharacters(password, confirm)) {
                return "";
            }
            return confirm.length() == 0
                    ? "Type the same " + purpose.noun() + " again to confirm it."
                    : "The two " + purpose.noun() + "s do not match.";
        });
        hint.set(h);
        valid.set(h.isEmpty());
    }

    /**
     * Rates the two arrays a form handed over and wipes {@code confirm}; when the rule refuses the
     * password, wipes it too and returns what to fix. Null: {@code password} may be used (the caller wipes it).
     */
    public String refusal(char[] password, char[] confirm) {
        edited(CharBuffer.wrap(password), CharBuffer.wrap(confirm));
        Arrays.fill(confirm, '\0');
        if (valid.get()) {
            return null;
        }
        Arrays.fill(password, '\0');
        return hint.get();
    }

    public Purpose purpose() {
        return purpose;
    }

    public ReadOnlyObjectProperty<Strength> strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    /** True while nothing is typed: the meter shows no verdict yet. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** What is still missing, "" once the password is acceptable and confirmed. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Compares two fields' contents without making Strings of them, in time independent of where they differ. */
    public static boolean sameCharacters(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }
}
