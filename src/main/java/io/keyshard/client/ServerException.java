package io.keyshard.client;

import io.keyshard.ExitCoded;

/**
 * A server was unreachable, refused a request or answered nonsense (exit code 4). The message
 * names the server and the reason, never a key or keyId.
 */
public final class ServerException extends Exception implements ExitCoded {
    private static final long serialVersionUID = 1L;
    private final String server;
    private final int status;
    private final String code;
    private final boolean refused;

    public ServerException(String server, int status, String code, String reason) {
        this(server, status, code, reason, false);
    }

    private ServerException(String server, int status, String code, String reason, boolean refused) {
        super("server " + server + ": " + reason);
        this.server = server;
        this.status = status;
        this.code = code;
        this.refused = refused;
    }

    /** Nothing listens at the server's address: the connection was refused. */
    static ServerException connectionRefused(String server, String reason) {
        return new ServerException(server, 0, null, reason, true);
    }

    /** True when nothing listened at the server's address (a stopped server, not a hung one). */
    public boolean connectionRefused() {
        return refused;
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The server's error code ({@code UNAUTHORIZED}, {@code PROTOCOL}, ...), or null when there was no answer. */
    public String code() {
        return code;
    }

    @Override
    public int exitCode() {
        return "PROTOCOL".equals(code) ? PROTOCOL : SERVER;
    }
}
