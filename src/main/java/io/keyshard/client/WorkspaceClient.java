package io.keyshard.client;

import io.keyshard.vault.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The client of docs/architecture.md, The workflow: runs workflow steps against the servers of
 * {@code <home>/servers.json}, starting the embedded local cluster on first need, off the
 * caller's thread. Open one per unlocked vault; close it to stop the local nodes it started.
 *
 * <pre>{@code
 * try (WorkspaceClient ws = WorkspaceClient.open(home, vault)) {
 *     GeneratedKey key = ws.call(ComponentModule.GENERATE_KEY_SHARE,
 *             new KeygenRequest(CurveName.SECP256K1, 2, List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3")))
 *         .onProgress(System.out::println).promise().join();
 * }
 * }</pre>
 */
public final class WorkspaceClient implements AutoCloseable {
    /** Default time each server gets to answer one round. */
    public static final Duration DEFAULT_ROUND_TIMEOUT = Duration.ofSeconds(60);
    private final Path home;
    private final Vault vault;
    private final Duration roundTimeout;
    private final ExecutorService workers;
    private final SecureRandom random = new SecureRandom();
    private LocalCluster cluster;
    private final CommitLedger ledger;
    private final java.util.Map<String, NodeConnection> connections = new java.util.HashMap<>();

    private WorkspaceClient(Path home, Vault vault, Duration roundTimeout) {
        this.home = home;
        this.vault = vault;
        this.roundTimeout = roundTimeout;
        this.ledger = new CommitLedger(vault);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workspace-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** A client for {@code home} writing key records into the open {@code vault}. */
    public static WorkspaceClient open(Path home, Vault vault) {
        return open(home, vault, DEFAULT_ROUND_TIMEOUT);
    }

    /** Like {@link #open(Path, Vault)} with another per-round timeout. */
    public static WorkspaceClient open(Path home, Vault vault, Duration roundTimeout) {
        return new WorkspaceClient(home, vault, roundTimeout);
    }

    /** Starts a workflow step in the background. */
    @SuppressWarnings("unchecked")
    public <R, T> Operation<T> call(ComponentModule<R, T> module, R request) {
        if (module != ComponentModule.GENERATE_KEY_SHARE) {
            throw new IllegalArgumentException("unsupported component " + module);
        }
        KeygenRequest req = (KeygenRequest) request;
        Operation<GeneratedKey> op = new Operation<>();
        CompletableFuture.runAsync(() -> {
            try {
                List<NodeConnection> servers = connect(req.servers());
                op.completion().complete(new KeygenRun(vault, req, servers, op, roundTimeout, random, ledger).run());
            } catch (RuntimeException e) {
                op.completion().completeExceptionally(e);
            }
        }, workers);
        return (Operation<T>) op;
    }

    /** The servers as configured now (re-read from disk). */
    public ServersConfig servers() throws IOException {
        return ServersConfig.load(home);
    }

    /** Adds a remote server from the entry {@code node init} printed (API key sealed into the vault); returns its name. */
    public String addServer(byte[] entryJson) throws IOException {
        String name = RemoteServers.add(home, vault, entryJson);
        forget(name);
        return name;
    }

    /** Removes a remote server and its API key; keys made with it stay in the vault. */
    public void removeServer(String name) throws IOException {
        RemoteServers.remove(home, vault, name);
        forget(name);
    }

    /** Every configured server's health, checked in parallel. */
    public List<ServerStatus> checkServers(Duration timeout) throws IOException {
        return ServerStatus.checkAll(servers(), timeout);
    }

    /** Starts the local cluster if it is not answering yet (idempotent). */
    public synchronized void ensureLocalCluster() throws IOException, ServerException {
        if (cluster != null && cluster.ownsAllAlive()) {
            return;
        }
        if (cluster == null || !LocalCluster.isRunning(home)) {
            if (cluster != null) {
                cluster.close();
            }
            cluster = LocalCluster.ensureRunning(home);
        }
    }

    /** Finishes or aborts PENDING records a crash left, and re-sends missed commits (call after unlocking). */
    public List<ResolvedKey> resolvePending() {
        List<ResolvedKey> out = new ArrayList<>();
        for (PendingResolver.Outcome o : new PendingResolver(vault, this::connectForResolve, roundTimeout, ledger).resolveAll()) {
            out.add(new ResolvedKey(o.keyId(), o.status(), o.note()));
        }
        return out;
    }

    private List<NodeConnection> connectForResolve(List<String> names) {
        return connect(names);
    }

    /** Connections (with API keys) to the named servers, starting the local cluster if one of them is local. */
    List<NodeConnection> connect(List<String> names) {
        try {
            ServersConfig config = servers();
            boolean needsCluster = names.stream().anyMatch(n -> LocalCluster.NAMES.contains(n)
                    && (config.servers().get(n) == null || config.servers().get(n).local()));
            if (needsCluster) {
                ensureLocalCluster();
            }
            ServersConfig current = servers();
            List<NodeConnection> out = new ArrayList<>();
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (String n : names) {
                ServerInfo info = current.get(n);
                if (!ids.add(info.id())) {
                    throw new IllegalArgumentException("servers " + names + " do not have distinct ids (" + n
                            + " repeats id " + info.id() + ")");
                }
                out.add(connection(n, info));
            }
            return out;
        } catch (ServerException e) {
            throw new KeygenException(e.server(), e.getMessage(), e.exitCode(), e);
        } catch (IOException e) {
            throw new KeygenException(null, "cannot read the servers configuration: " + e.getMessage(),
                    io.keyshard.ExitCoded.OTHER, e);
        }
    }

    /** A cached connection (TLS sessions are reused between runs); a changed entry gets a new one. */
    private synchronized NodeConnection connection(String name, ServerInfo info) {
        NodeConnection c = connections.get(name);
        if (c == null || !c.info().equals(info)) {
            if (c != null) {
                c.wipe();
            }
            c = ServerCredentials.connect(home, vault, name, info);
            connections.put(name, c);
        }
        return c;
    }

    /** Forgets the cached connection of a server (after its API key changed). */
    public synchronized void forget(String name) {
        NodeConnection c = connections.remove(name);
        if (c != null) {
            c.wipe();
        }
    }

    /** Stops the local nodes this client started (nodes started elsewhere keep running). */
    @Override
    public synchronized void close() {
        ledger.flush();
        connections.values().forEach(NodeConnection::wipe);
        connections.clear();
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        workers.shutdownNow();
    }
}
