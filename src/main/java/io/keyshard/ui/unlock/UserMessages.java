package io.keyshard.ui.unlock;

import io.keyshard.vault.VaultException;

/** Turns a failure into a sentence for the screen: what happened and what to do, never a stack trace. */
public final class UserMessages {
    private UserMessages() {}

    public static String of(Throwable e) {
        if (e instanceof VaultException v) {
            return switch (v.reason()) {
                case WRONG_PASSWORD -> "That password does not open this vault.";
                case IN_USE ->
                    "The vault is open in another Keyshard window or command. Close that one "
                            + "(or wait for the command to finish), then try again.";
                case NEWER_VERSION ->
                    "This vault was saved by a newer version of Keyshard. Install that "
                            + "version to open it; nothing in the vault was changed.";
                default -> sentence(v.getMessage());
            };
        }
        if (e instanceof IllegalArgumentException) {
            return sentence(e.getMessage());
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + "): " + sentence(e.getMessage());
    }

    /** The message with a capital first letter and a full stop. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "No details were given.";
        }
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
