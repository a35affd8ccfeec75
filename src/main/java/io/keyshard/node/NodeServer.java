package io.keyshard.node;

import io.keyshard.QuietLibraryLogs;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * One running MPC node ({@code keyshard node run}): HTTPS with TLS 1.3 only on the configured
 * address ({@link NodeTransport}), and a sweeper that expires key generation sessions that never
 * reached round 3 and signing nonces whose round 2 never came.
 */
public final class NodeServer implements AutoCloseable {
    private final NodeTransport transport;
    private final ScheduledExecutorService sweeper;
    private final KeygenService keygen;
    private final SigningService signing;
    private final PairwiseSetups setups;
    private final EcdsaSetupService setup;
    private final ShareStore store;
    private final ShareSealer sealer;
    private final NodeConfig config;
    private final NodeIdentity identity;
    private boolean closed;

    private NodeServer(
            NodeTransport transport,
            ScheduledExecutorService sweeper,
            KeygenService keygen,
            SigningService signing,
            PairwiseSetups setups,
            EcdsaSetupService setup,
            ShareStore store,
            ShareSealer sealer,
            NodeConfig config,
            NodeIdentity identity) {
        this.transport = transport;
        this.sweeper = sweeper;
        this.keygen = keygen;
        this.signing = signing;
        this.setups = setups;
        this.setup = setup;
        this.store = store;
        this.sealer = sealer;
        this.config = config;
        this.identity = identity;
    }

    /** Starts the node of {@code dataDir}; {@code portOverride} (if not null) replaces the configured port, 0 = any free one. */
    public static NodeServer start(Path dataDir, Integer portOverride, Duration sessionTtl) throws IOException {
        return start(dataDir, portOverride, sessionTtl, NonceTable.TTL);
    }

    /** As {@link #start(Path, Integer, Duration)}, with signing nonces expiring after {@code nonceTtl} instead of 10 minutes. */
    public static NodeServer start(Path dataDir, Integer portOverride, Duration sessionTtl, Duration nonceTtl)
            throws IOException {
        QuietLibraryLogs.apply();
        NodeFiles files = new NodeFiles(dataDir);
        NodeConfig config = files.readConfig();
        int bindPort = portOverride != null ? portOverride : config.port();
        if (bindPort < 0 || bindPort > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        SecureRandom random = new SecureRandom();
        SSLContext tls = NodeTls.serverContext(files);
        NodeIdentity identity = NodeIdentity.load(files);
        ShareSealer sealer = ShareSealer.open(files, config.id());
        ShareStore store = ShareStore.open(files);
        KeygenService keygen =
                new KeygenService(config, identity, store, sealer, sessionTtl, random, new PeerRoster(files));
        PairwiseSetups setups = PairwiseSetups.open(files, config, store, sealer);
        SigningService signing = SigningService.open(config, identity, store, sealer, files, random, setups, nonceTtl);
        EcdsaSetupService setup = new EcdsaSetupService(config, identity, store, setups, random, sessionTtl);
        NodeApi api = new NodeApi(config, identity, new ClientRegistry(files), keygen, signing, setup);
        NodeTransport transport;
        try {
            transport = NodeTransport.start(config.bindAddress(), bindPort, tls, api);
        } catch (IOException e) {
            keygen.close();
            signing.close();
            setup.close();
            setups.close();
            store.close();
            sealer.close();
            identity.close();
            throw e;
        }
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "node-sweeper"));
        long every = Math.max(1, Math.min(30, sessionTtl.toSeconds() / 2));
        Sweeps.every(sweeper, "idle keygen sessions", keygen::expireIdleSessions, every, TimeUnit.SECONDS);
        long nonceSweep = Math.max(1, Math.min(30, nonceTtl.toSeconds() / 2));
        Sweeps.every(sweeper, "expired nonces", signing::expire, nonceSweep, TimeUnit.SECONDS);
        Sweeps.every(sweeper, "idle pairwise setups", setup::expire, every, TimeUnit.SECONDS);
        return new NodeServer(
                transport,
                sweeper,
                keygen,
                signing,
                setups,
                setup,
                store,
                sealer,
                config.withPort(transport.port()),
                identity);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The ECDSA pairwise setups this node holds (for the signing service, and tests in this package). */
    PairwiseSetups setups() {
        return setups;
    }

    /** The config as served (with the real port). */
    public NodeConfig config() {
        return config;
    }

    public int port() {
        return config.port();
    }

    /** Stops serving and closes the store; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.close();
        sweeper.shutdownNow();
        keygen.close();
        signing.close();
        setup.close();
        setups.close();
        store.close();
        sealer.close();
        identity.close();
    }
}
