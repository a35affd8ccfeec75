package io.keyshard.node;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.keyshard.QuietLibraryLogs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One running MPC node ({@code keyshard node run}): HTTPS with TLS 1.3 only on the configured
 * address, a bounded worker pool (excess connections are closed, not queued without end), and a
 * sweeper that expires key generation sessions that never reached round 3.
 */
public final class NodeServer implements AutoCloseable {
    private static final int WORKERS = 8;
    private static final int QUEUE = 64;

    /**
     * The JDK server leaves Nagle's algorithm on unless told otherwise (a JVM-wide property, read once
     * when its first server is made): each small TLS record of an answer then waits for the client's
     * delayed ACK, about 40 ms per request on Linux, several times the whole round's work on the local
     * cluster. A value set on the command line is kept.
     */
    private static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpsServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService sweeper;
    private final KeygenService keygen;
    private final SigningService signing;
    private final ShareStore store;
    private final ShareSealer sealer;
    private final NodeConfig config;
    private final NodeIdentity identity;
    private boolean closed;

    private NodeServer(
            HttpsServer server,
            ThreadPoolExecutor workers,
            ScheduledExecutorService sweeper,
            KeygenService keygen,
            SigningService signing,
            ShareStore store,
            ShareSealer sealer,
            NodeConfig config,
            NodeIdentity identity) {
        this.server = server;
        this.workers = workers;
        this.sweeper = sweeper;
        this.keygen = keygen;
        this.signing = signing;
        this.store = store;
        this.sealer = sealer;
        this.config = config;
        this.identity = identity;
    }

    /** Starts the node of {@code dataDir}; {@code portOverride} (if not null) replaces the configured port, 0 = any free one. */
    public static NodeServer start(Path dataDir, Integer portOverride, Duration sessionTtl) throws IOException {
        QuietLibraryLogs.apply();
        disableNagle();
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
        KeygenService keygen = new KeygenService(config, identity, store, sealer, sessionTtl, random);
        SigningService signing = SigningService.open(config, identity, store, sealer, files, random);
        HttpsServer server;
        try {
            server = HttpsServer.create(new InetSocketAddress(config.bindAddress(), bindPort), 128);
        } catch (IOException e) {
            signing.close();
            store.close();
            sealer.close();
            identity.close();
            throw new IOException(
                    "cannot listen on " + config.bindAddress() + ":" + bindPort + ": " + e.getMessage(), e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setProtocols(new String[] {NodeTls.PROTOCOL});
                p.setNeedClientAuth(false);
                params.setSSLParameters(p);
            }
        });
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> daemon(r, "node-worker-" + n.incrementAndGet()),
                new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(workers);
        server.createContext("/", new NodeApi(config, identity, new ClientRegistry(files), keygen, signing));
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "node-sweeper"));
        long every = Math.max(1, Math.min(30, sessionTtl.toSeconds() / 2));
        sweeper.scheduleWithFixedDelay(keygen::expireIdleSessions, every, every, TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(signing::expire, 30, 30, TimeUnit.SECONDS);
        server.start();
        return new NodeServer(
                server,
                workers,
                sweeper,
                keygen,
                signing,
                store,
                sealer,
                config.withPort(server.getAddress().getPort()),
                identity);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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
        server.stop(0);
        sweeper.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keygen.close();
        signing.close();
        store.close();
        sealer.close();
        identity.close();
    }
}
