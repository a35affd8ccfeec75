package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A workspace's pinned connections to the servers of {@code <home>/servers.json}, one per server and kept
 * between operations (TLS sessions are reused), with the local servers a connection needs started first.
 * A server whose entry changed gets a new connection; every connection's API key is wiped on close.
 */
final class ServerConnections implements AutoCloseable {
    private final Path home;
    private final Vault vault;
    private final LocalClusterControl cluster;
    private final Set<String> foldersChecked = ConcurrentHashMap.newKeySet();
    private final Map<String, NodeConnection> open = new HashMap<>();

    ServerConnections(Path home, Vault vault, LocalClusterControl cluster) {
        this.home = home;
        this.vault = vault;
        this.cluster = cluster;
    }

    /**
     * Connections (with API keys) to the named servers, in their order, for a key generation or a check: the
     * local ones among them started first, each local folder checked against the vault once per workspace.
     *
     * @throws KeygenException naming a local server that cannot start, or when servers.json cannot be read
     * @throws IllegalArgumentException when two of the servers have one id
     */
    List<NodeConnection> connect(List<String> names) {
        try {
            ServersConfig config = ServersConfig.load(home);
            List<String> local = local(config, names);
            if (!local.isEmpty()) {
                // before a node is health-checked or started from its folder's entry (one this handle runs is not)
                // once per workspace: after that the TLS pin sealed with each API key still guards where it goes
                List<String> unchecked = local.stream()
                        .filter(n -> cluster.process(n) == null && !foldersChecked.contains(n))
                        .toList();
                SealedServers.checkLocalFolders(home, vault, unchecked);
                foldersChecked.addAll(unchecked);
                // only the servers of this key: one that cannot start does not hold back a key on the others
                Map<String, ServerException> failures = cluster.start(local);
                if (!failures.isEmpty()) {
                    throw failures.values().iterator().next();
                }
                config = ServersConfig.load(home);
            }
            List<NodeConnection> out = new ArrayList<>();
            Set<Integer> ids = new HashSet<>();
            for (String n : names) {
                ServerInfo info = config.get(n);
                if (!ids.add(info.id())) {
                    throw new IllegalArgumentException(
                            "servers " + names + " do not have distinct ids (" + n + " repeats id " + info.id() + ")");
                }
                out.add(connection(n, info));
            }
            return out;
        } catch (ServerException e) {
            throw new KeygenException(e.server(), e.getMessage(), e.exitCode(), e);
        } catch (IOException e) {
            throw unreadableConfig(e);
        }
    }

    /**
     * A connection to each of the key's servers that servers.json still lists, in the key's order; with
     * {@code startLocal}, local ones that are down are started first, and one that cannot start is left for
     * the signing to name.
     */
    Map<String, NodeConnection> ofKey(KeyRecord key, boolean startLocal) {
        try {
            ServersConfig config = ServersConfig.load(home);
            List<String> local = local(config, key.servers());
            // Nodes this workspace's cluster handle started and that still run need no start, and servers.json
            // is read again only when a start may have changed it (not once more on every signing).
            if (startLocal && local.stream().anyMatch(n -> cluster.process(n) == null)) {
                cluster.start(local);
                config = ServersConfig.load(home);
            }
            Map<String, NodeConnection> out = new LinkedHashMap<>();
            for (String n : key.servers()) {
                ServerInfo info = config.servers().get(n);
                if (info != null) {
                    out.put(n, connection(n, info));
                }
            }
            return out;
        } catch (IOException e) {
            throw unreadableConfig(e);
        }
    }

    /** Forgets the connection of a server (after its entry or API key changed). */
    synchronized void forget(String name) {
        NodeConnection c = open.remove(name);
        if (c != null) {
            c.wipe();
        }
    }

    /** Wipes every connection's API key and forgets them all. */
    @Override
    public synchronized void close() {
        open.values().forEach(NodeConnection::wipe);
        open.clear();
    }

    /** The names among {@code names} that are this computer's local servers (listed as local, or not listed yet). */
    private static List<String> local(ServersConfig config, List<String> names) {
        return names.stream()
                .filter(n -> LocalCluster.NAMES.contains(n)
                        && (config.servers().get(n) == null
                                || config.servers().get(n).local()))
                .toList();
    }

    /** The open connection, or a new one when there is none or the server's entry changed. */
    private synchronized NodeConnection connection(String name, ServerInfo info) {
        NodeConnection c = open.get(name);
        if (c == null || !c.info().equals(info)) {
            if (c != null) {
                c.wipe();
            }
            c = ServerCredentials.connect(home, vault, name, info);
            open.put(name, c);
        }
        return c;
    }

    private static KeygenException unreadableConfig(IOException e) {
        return new KeygenException(
                null, "cannot read the servers configuration: " + e.getMessage(), ExitCoded.OTHER, e);
    }
}
