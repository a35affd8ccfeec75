package io.keyshard.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.keyshard.ids.ServerNames;

/**
 * A node's public settings, kept in {@code config.json} of its data folder.
 *
 * @param name        the server's name as clients know it (also the certificate's CN)
 * @param id          its DKG identifier: non-zero, distinct among the servers of a key
 * @param port        the HTTPS port
 * @param bindAddress the address it listens on
 * @param host        the host name or address clients use in the URL (in the certificate too)
 */
public record NodeConfig(String name, int id, int port, String bindAddress, String host) {
    /** Ids stay below 2^31 so they are far from every group order and fit every language's int. */
    public static final int MAX_ID = Integer.MAX_VALUE;

    public NodeConfig {
        ServerNames.require(name);
        if (id < 1) { // an int is never above MAX_ID
            throw new IllegalArgumentException("node id must be between 1 and " + MAX_ID);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        if (bindAddress == null || bindAddress.isBlank() || host == null || host.isBlank()) {
            throw new IllegalArgumentException("bind address and host must be given");
        }
    }

    /** The URL clients use, e.g. {@code https://127.0.0.1:7001}. */
    @JsonIgnore
    public String url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "https://" + h + ":" + port;
    }

    /** This config listening on another port (the port chosen when 0 was asked for). */
    public NodeConfig withPort(int newPort) {
        return new NodeConfig(name, id, newPort, bindAddress, host);
    }
}
