package io.keyshard.client;

import io.keyshard.ExitCoded;
import io.keyshard.address.Chain;
import io.keyshard.address.DerivationProblem;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.RecordProblem;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultBackup;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one application service of an unlocked vault, held by the desktop app from unlock to lock and
 * opened once by each CLI command (docs/architecture.md, The workflow): key generation with typed
 * progress, the vault's keys, the servers of {@code <home>/servers.json} and their health, backups,
 * and settling what an earlier run left pending. Servers are reached off the caller's thread; the
 * embedded local cluster is started on first need. Close it before closing the vault.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(home, vault)) {
 *     GeneratedKey key = ws.call(ComponentModule.GENERATE_KEY_SHARE,
 *             new KeygenRequest(CurveName.SECP256K1, 2, List.of("OFFICIAL_1", "OFFICIAL_2", "OFFICIAL_3")))
 *         .onProgress(System.out::println).promise().join();
 * }
 * }</pre>
 */
public final class Workspace implements AutoCloseable {
    /** Default time each server gets to answer one round. */
    public static final Duration DEFAULT_ROUND_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Vault vault;
    private final Duration roundTimeout;
    private final LocalClusterControl cluster;
    private final boolean ownsCluster;
    private final ExecutorService workers;
    private final SecureRandom random = new SecureRandom();
    private final CommitLedger ledger;
    private final Map<String, NodeConnection> connections = new HashMap<>();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    private Workspace(Path home, Vault vault, Duration roundTimeout, LocalClusterControl cluster, boolean ownsCluster) {
        this.home = home;
        this.vault = vault;
        this.roundTimeout = roundTimeout;
        this.cluster = cluster;
        this.ownsCluster = ownsCluster;
        this.ledger = new CommitLedger(vault);
        SealedServers.migrate(home, vault);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workspace");
            t.setDaemon(true);
            return t;
        });
    }

    /** A workspace for {@code home} writing key records into the open {@code vault}. */
    public static Workspace open(Path home, Vault vault) {
        return open(home, vault, DEFAULT_ROUND_TIMEOUT);
    }

    /** Like {@link #open(Path, Vault)} with another per-round timeout; the local nodes it starts stop on close. */
    public static Workspace open(Path home, Vault vault, Duration roundTimeout) {
        return new Workspace(home, vault, roundTimeout, new LocalClusterControl(home), true);
    }

    /** A workspace using a local cluster handle that outlives it (the app's, so locking leaves the nodes up). */
    public static Workspace open(Path home, Vault vault, LocalClusterControl cluster) {
        return new Workspace(home, vault, DEFAULT_ROUND_TIMEOUT, cluster, false);
    }

    /** Starts a workflow step in the background. */
    @SuppressWarnings("unchecked")
    public <R, T> Operation<T> call(ComponentModule<R, T> module, R request) {
        if (module != ComponentModule.GENERATE_KEY_SHARE) {
            throw new IllegalArgumentException("unsupported component " + module);
        }
        KeygenRequest req = (KeygenRequest) request;
        Operation<GeneratedKey> op = new Operation<>();
        UUID keyId = UUID.randomUUID();
        CompletableFuture.runAsync(
                () -> {
                    running.add(keyId);
                    try {
                        List<NodeConnection> servers = connect(req.servers());
                        op.promise()
                                .complete(new KeygenRun(keyId, vault, req, servers, op, roundTimeout, random, ledger)
                                        .run());
                    } catch (RuntimeException e) {
                        op.promise().completeExceptionally(e);
                    } finally {
                        running.remove(keyId);
                    }
                },
                workers);
        return (Operation<T>) op;
    }

    /** Every readable key of the vault, oldest first. */
    public List<KeyRecord> keys() {
        return vault.list();
    }

    /** One key by its keyId. */
    public Optional<KeyRecord> key(UUID keyId) {
        return vault.get(keyId);
    }

    /**
     * The address of one READY key of the vault on {@code chain}'s default path (account, index), as
     * {@code keyshard derive --key-id} computes it: no server and no secret is involved.
     *
     * @throws DerivationProblem when the choice cannot be met (each face words it for its controls)
     */
    public KeyPipeline.Result derive(UUID keyId, Chain chain, Network network, int account, int index) {
        KeyRecord key = vault.get(keyId).orElseThrow(() -> new IllegalArgumentException("no such key in the vault"));
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("addresses need a READY key; this one is " + key.status());
        }
        DerivationPath path = KeyPipeline.path(chain, null, account, index, network);
        return KeyPipeline.run(rootOf(key), chain, path, network);
    }

    /** Where every derivation of a READY key starts: its root public key and chain code. */
    public static KeyPipeline.Start rootOf(KeyRecord key) {
        return KeyPipeline.Start.of(
                key.curve(),
                Hex.decode(key.rootPublicKey(), "rootPublicKey"),
                Hex.decode(key.chainCode(), "chainCode"));
    }

    /** Gives a key another label (blank: none); returns the record as stored. */
    public KeyRecord relabel(UUID keyId, String label) {
        return vault.relabel(keyId, label);
    }

    /** Records the vault could not read back intact. */
    public List<RecordProblem> problems() {
        return vault.problems();
    }

    /** Why the last automatic backup failed, if it did (waits for one still being written). */
    public Optional<String> lastBackupProblem() {
        return vault.lastBackupProblem();
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

    /**
     * Every server's health (see {@link ServerHealth}); with {@code startLocal} the local servers that
     * do not answer are started first, as a key generation would.
     */
    public List<ServerStatus> checkServers(boolean startLocal) throws IOException {
        return startLocal ? ServerHealth.checkStartingLocal(home, cluster) : ServerHealth.check(home);
    }

    /**
     * Starts the local servers that are not answering (idempotent; blocks until each answers or fails
     * to start). One that cannot start is named by the key generation that needs it, not here.
     */
    public void startLocalCluster() throws IOException, ServerException {
        cluster.start();
    }

    /** Stops the local nodes started through this workspace's cluster handle (others keep running). */
    public void stopLocalCluster() {
        cluster.stop();
    }

    /** Whether the local cluster runs, is starting, or is stopped (blocking health checks). */
    public LocalClusterControl.State localClusterState() throws IOException {
        return cluster.state();
    }

    /** True if this workspace's cluster handle started a node that still runs, so stopping has something to do. */
    public boolean ownsLocalNodes() {
        return cluster.ownsNodes();
    }

    /** Exports every key record to {@code out}, sealed with {@code password}; returns how many. */
    public int exportBackup(Path out, char[] password) {
        return VaultBackup.export(vault, out, password);
    }

    /** Re-encrypts the vault under {@code newPassword} (crash-safe), as {@code vault passwd} does; refuses a wrong old one. */
    public void changePassword(char[] oldPassword, char[] newPassword) {
        vault.changePassword(oldPassword, newPassword);
    }

    /** Imports the records of a backup file that the vault does not hold yet. */
    public VaultBackup.ImportResult importBackup(Path file, char[] password) {
        return VaultBackup.importInto(vault, file, password);
    }

    /**
     * Finishes or aborts PENDING records a crash left and re-sends commits a server missed: the app
     * runs it in the background after unlocking, CLI commands that make keys before they start. Keys
     * this workspace is generating right now are left alone.
     */
    public List<ResolvedKey> resolvePending() {
        return new PendingResolver(vault, this::connect, roundTimeout, ledger, running).resolveAll();
    }

    /** Connections (with API keys) to the named servers, starting the local cluster if one of them is local. */
    List<NodeConnection> connect(List<String> names) {
        try {
            ServersConfig config = servers();
            List<String> local = names.stream()
                    .filter(n -> LocalCluster.NAMES.contains(n)
                            && (config.servers().get(n) == null
                                    || config.servers().get(n).local()))
                    .toList();
            boolean needsCluster = !local.isEmpty();
            if (needsCluster) {
                // before a node is health-checked or started from its folder's entry (one this handle runs is not)
                SealedServers.checkLocalFolders(
                        home,
                        vault,
                        local.stream().filter(n -> cluster.process(n) == null).toList());
                // only the servers of this key: one that cannot start does not hold back a key on the others
                Map<String, ServerException> failures = cluster.start(local);
                if (!failures.isEmpty()) {
                    throw failures.values().iterator().next();
                }
            }
            ServersConfig current = needsCluster ? servers() : config;
            List<NodeConnection> out = new ArrayList<>();
            Set<Integer> ids = new HashSet<>();
            for (String n : names) {
                ServerInfo info = current.get(n);
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
            throw new KeygenException(
                    null, "cannot read the servers configuration: " + e.getMessage(), ExitCoded.OTHER, e);
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
    private synchronized void forget(String name) {
        NodeConnection c = connections.remove(name);
        if (c != null) {
            c.wipe();
        }
    }

    /** Writes the commit confirmations, wipes the connections and stops the local nodes it alone started. */
    @Override
    public synchronized void close() {
        ledger.flush();
        connections.values().forEach(NodeConnection::wipe);
        connections.clear();
        if (ownsCluster) {
            cluster.close();
        }
        workers.shutdownNow();
    }
}
