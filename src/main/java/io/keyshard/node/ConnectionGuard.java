package io.keyshard.node;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;

/**
 * Bounds what a connection can hold before it is doing an authenticated request's work: at most
 * {@code perSource} connections from one address, the TLS handshake and the first request head within
 * {@code firstHead} of connecting, each later head within {@code nextHead} of the previous answer.
 * Jetty's idle timeout covers a stall in any phase; this covers a peer that trickles bytes to avoid it.
 *
 * <p>Jetty reports two connections per TLS socket: the {@link SslConnection} on the socket (counted per
 * source address) and the HTTP connection over it (watched for its deadlines).
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
    private final int perSource;
    private final long firstHeadNanos;
    private final long nextHeadNanos;
    private final Map<InetAddress, AtomicInteger> bySource = new ConcurrentHashMap<>();
    private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /** The deadlines of one HTTP connection: whether a request is being handled, and since when it is idle. */
    private static final class Watch {
        final AtomicInteger active = new AtomicInteger();
        volatile long idleSince = System.nanoTime();
        volatile boolean served;
    }

    ConnectionGuard(int perSource, Duration firstHead, Duration nextHead) {
        this.perSource = perSource;
        this.firstHeadNanos = firstHead.toNanos();
        this.nextHeadNanos = nextHead.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-connection-guard");
            t.setDaemon(true);
            return t;
        });
        Sweeps.every(sweeper, "idle connections", this::sweep, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection) {
            InetAddress source = source(connection);
            int open =
                    bySource.computeIfAbsent(source, k -> new AtomicInteger()).incrementAndGet();
            if (open > perSource) {
                connection.getEndPoint().close();
            }
        } else {
            watched.put(connection, new Watch());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof SslConnection) {
            InetAddress source = source(connection);
            bySource.computeIfPresent(source, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        } else {
            watched.remove(connection);
        }
    }

    /** A request head on {@code connection} is complete and its handling begins. */
    void requestStarted(Connection connection) {
        Watch w = watched.get(connection);
        if (w != null) {
            w.served = true;
            w.active.incrementAndGet();
        }
    }

    /** The request's answer is written; the connection waits for its next head. */
    void requestEnded(Connection connection) {
        Watch w = watched.get(connection);
        if (w != null) {
            w.idleSince = System.nanoTime();
            w.active.decrementAndGet();
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        watched.forEach((connection, w) -> {
            long limit = w.served ? nextHeadNanos : firstHeadNanos;
            if (w.active.get() == 0 && now - w.idleSince > limit) {
                connection.getEndPoint().close();
            }
        });
    }

    private static InetAddress source(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : InetAddress.getLoopbackAddress();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
