package io.keyshard.client;

import io.keyshard.ExitCoded;

/**
 * A key generation failed: the message names the server (or the culprit of a protocol check) and
 * the reason. Exit code 4 when a server was unreachable or refused, 5 when the protocol failed.
 */
public final class KeygenException extends RuntimeException implements ExitCoded {
    private static final long serialVersionUID = 1L;
    private final String server;
    private final int exitCode;

    public KeygenException(String server, String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.server = server;
        this.exitCode = exitCode;
    }

    /** The server named as the cause, or null (cancelled, or the client itself). */
    public String server() {
        return server;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
