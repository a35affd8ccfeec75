package io.keyshard.vault;

import io.keyshard.ExitCoded;

/**
 * A vault problem a user can act on; its message names what is wrong and what to do, and never
 * carries a password, key, keyId or database row. Exit code 3, except {@link Reason#ALREADY_EXISTS}
 * and {@link Reason#BAD_BACKUP} (2: the user asked for something that cannot be done with that input).
 */
public final class VaultException extends RuntimeException implements ExitCoded {

    /** What went wrong, for callers (UI, tests) that react differently to each. */
    public enum Reason {
        NO_VAULT,
        ALREADY_EXISTS,
        WRONG_PASSWORD,
        IN_USE,
        NEWER_VERSION,
        TAMPERED,
        HOSTILE,
        DAMAGED,
        BAD_BACKUP,
        IO
    }

    private final Reason reason;

    public VaultException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public VaultException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public int exitCode() {
        return reason == Reason.ALREADY_EXISTS || reason == Reason.BAD_BACKUP ? BAD_INPUT : VAULT;
    }
}
