package io.keyshard.client;

import io.keyshard.address.Chain;
import io.keyshard.address.DerivationProblem;
import io.keyshard.address.KeyPipeline;
import io.keyshard.bytes.Hex;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.dkls.Group;
import io.keyshard.vault.KeyArchive;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.RecordProblem;
import io.keyshard.vault.SignatureEntry;
import io.keyshard.vault.SignedPayload;
import io.keyshard.vault.Vault;
import io.keyshard.vault.VaultBackup;
import io.keyshard.wire.PeerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
    /** Time each server gets to answer one question of the share check. */
    static final Duration KEY_HEALTH_TIMEOUT = Duration.ofSeconds(10);

    private final Path home;
    private final Vault vault;
    private final Duration roundTimeout;
    private final LocalClusterControl cluster;
    private final boolean ownsCluster;
    private final ExecutorService workers;
    private final SecureRandom random = new SecureRandom();
    private final CommitLedger ledger;
    private final ServerConnections connections;
    private final Set<UUID> running;
    private final SigningSetups setups;

    private Workspace(Path home, Vault vault, Duration roundTimeout, LocalClusterControl cluster, boolean ownsCluster) {
        this.home = home;
        this.vault = vault;
        this.roundTimeout = roundTimeout;
        this.cluster = cluster;
        this.ownsCluster = ownsCluster;
        this.ledger = new CommitLedger(vault);
        this.running = InFlightKeys.of(vault);
        SealedServers.migrate(home, vault);
        this.connections = new ServerConnections(home, vault, cluster);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workspace");
            t.setDaemon(true);
            return t;
        });
        this.setups = new SigningSetups(vault, workers, roundTimeout, connections::ofKey);
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
                        GeneratedKey made =
                                new KeygenRun(keyId, vault, req, servers, op, roundTimeout, random, ledger).run();
                        // started before the result is handed over, so the key already reads "being set up"
                        setups.afterKeygen(made);
                        op.promise().complete(made);
                    } catch (RuntimeException e) {
                        op.promise().completeExceptionally(e);
                    } finally {
                        running.remove(keyId);
                    }
                },
                workers);
        return (Operation<T>) op;
    }

    /**
     * Whether a key generation on an ECDSA curve starts the key's pairwise setup ({@link #ecdsaSetup}) in the
     * background once the key is READY, without holding back the generation's result. The app and {@code keyshard
     * keygen} turn it on; it is off otherwise, so that a program making keys in a row (benchmarks, tests) times
     * and loads key generation alone, and a setup costs each server seconds of CPU (docs/benchmarks.md).
     */
    public void setUpSigningAfterKeygen(boolean on) {
        setups.setAfterKeygen(on);
    }

    /**
     * Makes sure every pair of a READY ECDSA key's servers (SECP256K1, P256, P384, P521) holds one pairwise
     * setup at both ends, unburned, and runs one among the servers of the pairs that do not (docs/protocol.md,
     * ECDSA pairwise setup). A pair serves every key of its two servers on the curve, so a key on servers set
     * up before is ready at once and nothing runs.
     * Key generation starts it in the background when {@link #setUpSigningAfterKeygen} is on, and a signing runs
     * it on first use for a key that has none. A call while one runs for the key joins it; setups of different keys
     * run one after the other. A failure leaves each pair with its previous setup or none, never part of one; the
     * next call starts again.
     *
     * @throws IllegalArgumentException at once for a key that is not READY or not on an ECDSA curve
     */
    public Operation<EcdsaSetupResult> ecdsaSetup(UUID keyId) {
        return setups.start(keyId);
    }

    /** True while this workspace sets up signing for the key ("signing is being set up"). */
    public boolean settingUpSigning(UUID keyId) {
        return setups.settingUp(keyId);
    }

    /**
     * Whether a READY key signs at once: SETTING_UP while this workspace runs its setup, else what the key's
     * servers report (asked at once, local ones not started: one that is down makes it UNKNOWN); FROST keys are
     * READY. Blocks up to a few seconds; call it off any UI thread. A setup another process runs reads as
     * ON_FIRST_USE until it is complete everywhere.
     *
     * @throws IllegalArgumentException for a key that is not READY
     */
    public SigningReadiness signingReadiness(UUID keyId) {
        return setups.readiness(keyId);
    }

    /**
     * Where signing will stand for a READY key once this workspace's setup of it ends (at once when none runs):
     * READY after a setup that completed, ON_FIRST_USE with the reason after one that failed or was cancelled, else
     * {@link #signingReadiness} asked on a worker. Never blocks; the future completes on a worker thread.
     */
    public CompletableFuture<SigningReadiness> signingReadinessAfterSetup(UUID keyId) {
        return setups.readinessAfterSetup(keyId);
    }

    /**
     * Signs with a READY key of the vault on t of its servers (FROST: ED25519, ED448, SECP256K1_SCHNORR;
     * threshold ECDSA, DKLs23: SECP256k1, P256, P384, P521); the promise completes with a signature the
     * chain's verifier accepts under the derived key, or with a {@link KeygenException} naming the server
     * (exit code 4 unreachable, 5 a bad answer or a failed check).
     *
     * @throws IllegalArgumentException at once for a key that is not READY, or an ECDSA digest of the wrong length
     */
    public Operation<SignResult> sign(SignRequest request) {
        KeyRecord key =
                vault.get(request.keyId()).orElseThrow(() -> new IllegalArgumentException("no such key in the vault"));
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("signing needs a READY key; this one is " + key.status());
        }
        if (!StandardVerifier.frost(key.curve())) {
            EcdsaSignRun.digest(Group.of(key.curve()), request);
        }
        Operation<SignResult> op = new Operation<>();
        CompletableFuture.runAsync(
                () -> {
                    try {
                        op.promise()
                                .complete(new SignRun(
                                                UUID.randomUUID(),
                                                key,
                                                request,
                                                signConnections(key),
                                                op,
                                                roundTimeout,
                                                () -> setups.join(key.keyId()))
                                        .run());
                    } catch (RuntimeException e) {
                        op.promise().completeExceptionally(e);
                    }
                },
                workers);
        return op;
    }

    /** Signing of what people sign (messages, Ethereum payloads, PSBTs, Solana transactions): review, then sign. */
    public PayloadSigning payloads() {
        return new PayloadSigning(this);
    }

    /** The key's servers' connections for a signing ({@link ServerConnections#ofKey}, local ones started). */
    Map<String, NodeConnection> signConnections(KeyRecord key) {
        return connections.ofKey(key, true);
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

    /**
     * Appends a signature a key made to its sealed signing history (durable on return) and returns the
     * entry as stored. The signers must be at least t of the key's servers; control characters in
     * {@code description} are replaced. Entries are never edited or removed.
     *
     * @param address the address of the signing key on the chain used, or null when no chain was named
     */
    public SignatureEntry recordSignature(
            UUID keyId,
            Instant signedAt,
            byte[] digest,
            String derivationPath,
            String address,
            List<String> servers,
            byte[] signature,
            SignedPayload payload,
            String description) {
        SignatureEntry entry =
                SignatureEntry.of(signedAt, digest, derivationPath, address, servers, signature, payload, description);
        vault.recordSignatures(keyId, List.of(entry));
        return entry;
    }

    /** A key's signing history, oldest first (empty for a key that has signed nothing). */
    public List<SignatureEntry> signatures(UUID keyId) {
        return vault.signatures(keyId);
    }

    /** Gives a key another label (blank: none); returns the record as stored. */
    public KeyRecord relabel(UUID keyId, String label) {
        return vault.relabel(keyId, label);
    }

    /** The keyIds of the archived keys: hidden from the Keys list and the pipeline, kept in the vault. */
    public Set<UUID> archivedKeys() {
        return KeyArchive.archived(vault);
    }

    /** Hides a key from the Keys list and the pipeline; its record and keyId stay in the vault. */
    public void archive(UUID keyId) {
        KeyArchive.archive(vault, keyId);
    }

    /** Brings an archived key back. */
    public void unarchive(UUID keyId) {
        KeyArchive.unarchive(vault, keyId);
    }

    /**
     * Removes a key's record, and so its keyId, from the vault. The shares stay on the servers; without
     * the keyId (or a backup that holds it) nobody can use them again. Refused for a key being generated.
     */
    public void delete(UUID keyId) {
        if (running.contains(keyId)) {
            throw new IllegalStateException("this key is being generated right now; wait until it finishes");
        }
        vault.delete(keyId);
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

    /**
     * Adds a remote server from the entry {@code node init} printed (API key sealed into the vault) and pins it on
     * this computer's local servers; returns its name.
     */
    public String addServer(byte[] entryJson) throws IOException {
        String name = RemoteServers.add(home, vault, entryJson);
        connections.forget(name);
        return name;
    }

    /**
     * The entries of this computer's local servers that exist (no API key in them), for a remote server's
     * operator to pin with {@code keyshard node peers add}: a remote server makes keys only with servers it pins.
     */
    public List<PeerEntry> localServerEntries() throws IOException {
        return LocalPins.ownEntries(home);
    }

    /** Removes a remote server, its API key and its pin on the local servers; keys made with it stay in the vault. */
    public void removeServer(String name) throws IOException {
        RemoteServers.remove(home, vault, name);
        connections.forget(name);
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

    /** Local server {@code name}'s folder and the last lines of its log; empty for a server that is not local. */
    public Optional<LocalServerLog> localServerLog(String name) {
        return LocalCluster.NAMES.contains(name) ? Optional.of(LocalServerLog.read(home, name)) : Optional.empty();
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

    /**
     * Asks every server of every READY key whether it still holds its share (each server connected
     * once, all in parallel; local servers started as a key generation would). Blocks; call it off
     * any UI thread. A server that does not answer makes its keys' state unknown, never degraded.
     */
    public List<KeyHealth> keyHealth() {
        return new KeyHealthCheck(this::connect, KEY_HEALTH_TIMEOUT, workers).run(vault.list());
    }

    /** The health of one READY key, as {@link #keyHealth()} checks it. */
    public KeyHealth keyHealth(UUID keyId) {
        KeyRecord key = vault.get(keyId).orElseThrow(() -> new IllegalArgumentException("no such key in the vault"));
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("only a READY key has shares to check; this one is " + key.status());
        }
        return new KeyHealthCheck(this::connect, KEY_HEALTH_TIMEOUT, workers)
                .run(List.of(key))
                .get(0);
    }

    /** Connections (with API keys) to the named servers, starting the local ones ({@link ServerConnections#connect}). */
    List<NodeConnection> connect(List<String> names) {
        return connections.connect(names);
    }

    /**
     * Cancels the pairwise setups still running (each server keeps what it held; the key's first signing sets it
     * up), writes the commit confirmations, wipes the connections and stops the local nodes it alone started.
     */
    @Override
    public synchronized void close() {
        setups.cancelAll();
        ledger.flush();
        connections.close();
        if (ownsCluster) {
            cluster.close();
        }
        workers.shutdownNow();
    }
}
