package io.keyshard.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one HTTP/1.1 request to one node over a pooled, pinned TLS 1.3 connection and returns its
 * status and body. Blocking I/O runs on daemon {@code keyshard-node-io} threads; cancelling the
 * returned future closes that request's socket. Failures are {@link ServerException}s naming the server.
 */
final class PinnedHttps {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Idle connections kept per server; more callers at once get connections that are closed after use. */
    private static final int MAX_IDLE = 16;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keyshard-node-io-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Turns an answer into the caller's value on the I/O thread, or refuses it. */
    interface Decoder<T> {
        T decode(HttpAnswerReader.Answer answer) throws ServerException;
    }

    final String server;
    final String url;
    private final String hostPort;
    private final InetSocketAddress address;
    private final SSLSocketFactory factory;
    private final ArrayDeque<TlsConnection> idle = new ArrayDeque<>();
    private boolean closed;

    /** A client for the node {@code server} at {@code url} ({@code https://host:port}) whose certificate has the pin. */
    PinnedHttps(String server, String url, String certSha256) {
        this.server = server;
        this.url = url;
        URI u = URI.create(url);
        this.hostPort = u.getRawAuthority();
        String host = u.getHost().startsWith("[")
                ? u.getHost().substring(1, u.getHost().length() - 1)
                : u.getHost();
        this.address = InetSocketAddress.createUnresolved(host, u.getPort());
        try {
            this.factory = PinnedTrustManager.context(certSha256).getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    /**
     * Sends {@code method path} (with {@code json} as the body if not null, and the API key as a bearer
     * token if not null) and decodes the answer; the whole exchange ends within {@code timeout}.
     */
    <T> CompletableFuture<T> send(
            String method, String path, char[] apiKey, byte[] json, Duration timeout, Decoder<T> decoder) {
        long now = System.nanoTime();
        NodeRequest<T> request = new NodeRequest<>(
                this,
                method,
                path,
                apiKey,
                json,
                now + timeout.toNanos(),
                now + Math.min(timeout.toNanos(), CONNECT_TIMEOUT.toNanos()),
                decoder);
        try {
            IO.execute(request);
        } catch (RejectedExecutionException e) {
            request.completeExceptionally(new CompletionException(request.failure(e)));
        }
        return request;
    }

    /** The request bytes: head and body in one array, which the caller wipes (it may hold the API key). */
    byte[] requestBytes(String method, String path, char[] apiKey, byte[] json) throws ServerException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostPort + "\r\n";
        String auth = "Authorization: Bearer ";
        String tail = (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n")
                + "\r\n";
        int keyBytes = apiKey == null ? 0 : auth.length() + apiKey.length + 2;
        byte[] out = new byte[head.length() + keyBytes + tail.length() + (json == null ? 0 : json.length)];
        int at = put(head, out, 0);
        if (apiKey != null) {
            at = put(auth, out, at);
            for (char c : apiKey) {
                if (c < 0x21 || c > 0x7e) {
                    Arrays.fill(out, (byte) 0);
                    throw new ServerException(
                            server,
                            0,
                            null,
                            "the API key held for it has characters that cannot be sent; add the server again");
                }
                out[at++] = (byte) c;
            }
            at = put("\r\n", out, at);
        }
        at = put(tail, out, at);
        if (json != null) {
            System.arraycopy(json, 0, out, at, json.length);
        }
        return out;
    }

    private static int put(String ascii, byte[] out, int at) {
        for (int i = 0; i < ascii.length(); i++) {
            out[at++] = (byte) ascii.charAt(i);
        }
        return at;
    }

    /** The most recently used idle connection that still looks open, or null; stale ones are closed. */
    TlsConnection takeIdle() {
        while (true) {
            TlsConnection c;
            synchronized (idle) {
                c = idle.pollFirst();
            }
            if (c == null || c.looksOpen()) {
                return c;
            }
            c.close();
        }
    }

    /** A new connected connection, handed to {@code owner} first so a cancel or the deadline can close it. */
    TlsConnection open(NodeRequest<?> owner, long connectDeadline) throws IOException {
        TlsConnection c = new TlsConnection();
        owner.attach(c);
        try {
            // resolved per connection: a name's address may change while the client runs
            c.connect(new InetSocketAddress(address.getHostString(), address.getPort()), factory, connectDeadline);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Puts a connection that ended its request cleanly back for reuse (or closes it if the pool is full or closed). */
    void release(TlsConnection c) {
        c.idle();
        synchronized (idle) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(c);
                return;
            }
        }
        c.close();
    }

    /** Closes every idle connection; later requests still work but their connections are not kept. */
    void close() {
        synchronized (idle) {
            closed = true;
            idle.forEach(TlsConnection::close);
            idle.clear();
        }
    }
}
