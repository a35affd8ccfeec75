package io.keyshard.client;

import io.keyshard.ExitCoded;

/**
 * A payload of several signings failed after some of them were made (a PSBT whose later input failed): the
 * signatures made are kept in {@link #partial()}, as BIP-174 lets a signer hand back what it could sign.
 * The message and exit code are those of the failure ({@link #getCause()}).
 */
public final class PartlySignedException extends RuntimeException implements ExitCoded {
    private static final long serialVersionUID = 1L;
    private final transient PayloadResult partial;
    private final String failedPart;
    private final String server;
    private final int exitCode;

    /** {@code cause} ended the signing of {@code failedPart}; {@code partial} holds what was signed before it. */
    public PartlySignedException(PayloadResult partial, String failedPart, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.partial = partial;
        this.failedPart = failedPart;
        this.server = cause instanceof KeygenException ke ? ke.server() : null;
        this.exitCode = cause instanceof ExitCoded ec ? ec.exitCode() : ExitCoded.OTHER;
    }

    /** The payload with the signatures made before the failure, checked as a whole result is. */
    public PayloadResult partial() {
        return partial;
    }

    /** The signing that failed, as {@link PartProgress#description()} words it. */
    public String failedPart() {
        return failedPart;
    }

    /** The server named as the cause, or null. */
    public String server() {
        return server;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
