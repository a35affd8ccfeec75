package io.keyshard.client;

import io.keyshard.ExitCoded;
import java.util.List;

/**
 * A key generation failed: the message names the server (or the culprit of a protocol check) and
 * the reason. Exit code 4 when a server was unreachable or refused, 5 when the protocol failed.
 */
public final class KeygenException extends RuntimeException implements ExitCoded {
    private static final long serialVersionUID = 1L;
    private final String server;
    private final int exitCode;
    private final String pendingNote;
    private final List<String> disputed;

    public KeygenException(String server, String message, int exitCode, Throwable cause) {
        this(server, message, exitCode, cause, null, List.of());
    }

    private KeygenException(
            String server, String message, int exitCode, Throwable cause, String pendingNote, List<String> disputed) {
        super(message, cause);
        this.server = server;
        this.exitCode = exitCode;
        this.pendingNote = pendingNote;
        this.disputed = disputed;
    }

    /**
     * A protocol failure (exit code 5) one server reports about another's message, which the client cannot
     * check: one of the two is faulty, and neither is named as the cause ({@link #server()} is null).
     */
    public static KeygenException disputed(String reporter, String accused, String message, Throwable cause) {
        return new KeygenException(null, message, PROTOCOL, cause, null, List.of(reporter, accused));
    }

    /**
     * The same failure, for a run whose vault record stays PENDING because servers hold a share that cannot be
     * dropped yet: {@code note} says which server the key waits for, and is added to the message.
     */
    KeygenException leftPending(String note) {
        return new KeygenException(server, getMessage() + "; " + note, exitCode, getCause(), note, disputed);
    }

    /** The server named as the cause, or null (cancelled, or the client itself). */
    public String server() {
        return server;
    }

    /** The reporting server and the server it blames, when one server's report is all the client has; else empty. */
    public List<String> disputed() {
        return disputed;
    }

    /** Why the vault record stays PENDING and what it waits for, or null when the run left no PENDING record. */
    public String pendingNote() {
        return pendingNote;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
