package io.keyshard.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.ErrorAnswer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The node's HTTPS transport (embedded Jetty): TLS 1.3 with the node's own certificate, HTTP/1.1,
 * {@link NodeApi} behind it. The TLS handshake and request heads are read without holding a thread, so
 * connections that never finish one cannot take the threads that serve authenticated requests; the
 * {@link ConnectionGuard} bounds how many such connections one address holds and for how long.
 */
public final class NodeTransport implements AutoCloseable {
    /**
     * Connections one source address may hold: several clients behind one NAT (or the load test's eight
     * clients on loopback) each keep a few per server, while a flood from one address is still cut short.
     */
    public static final int PER_SOURCE = 128;
    /** From connecting to a complete first request head, TLS handshake included. */
    static final Duration FIRST_HEAD = Duration.ofSeconds(10);
    /**
     * No byte for this long in any phase closes a connection; also the most a kept-alive connection waits
     * for its next request head. The client reuses a connection only if it was idle under 20 s.
     */
    static final Duration IDLE = Duration.ofSeconds(30);
    /** A body (only an authenticated caller's is read) slower than this is refused with 408. */
    private static final long MIN_BODY_BYTES_PER_SECOND = 16 * 1024;

    private static final int THREADS = 16;

    private final Server server;
    private final ServerConnector connector;
    private final ConnectionGuard guard;

    private NodeTransport(Server server, ServerConnector connector, ConnectionGuard guard) {
        this.server = server;
        this.connector = connector;
        this.guard = guard;
    }

    /** Listens on {@code host}:{@code port} (0 = any free port) and serves {@code api}. */
    static NodeTransport start(String host, int port, SSLContext tls, NodeApi api) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("node-worker");
        threads.setDaemon(true);
        Server server = new Server(threads);

        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        ssl.setIncludeProtocols(NodeTls.PROTOCOL);
        // The server's order decides which suite a connection gets (the client offers all TLS 1.3 suites).
        ssl.setIncludeCipherSuites(NodeTls.cipherSuites().toArray(String[]::new));
        ssl.setUseCipherSuitesOrder(true);
        ssl.setNeedClientAuth(false);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
        // Clients pin the certificate, not a host name: any name or address that reaches the node is fine
        // (Jetty would otherwise refuse a Host header the self-signed certificate does not list).
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);

        ServerConnector connector = new ServerConnector(
                server,
                1,
                1,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(128);
        connector.setIdleTimeout(IDLE.toMillis());
        ConnectionGuard guard = new ConnectionGuard(PER_SOURCE, FIRST_HEAD, IDLE);
        connector.addBean(guard);
        server.addConnector(connector);
        server.setHandler(new ApiHandler(api, guard));
        server.setErrorHandler(new JsonErrors());
        try {
            server.start();
        } catch (Exception e) {
            guard.close();
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failed to start; the start failure is the one reported
            }
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new NodeTransport(server, connector, guard);
    }

    /** The port listened on. */
    int port() {
        return connector.getLocalPort();
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort: the process is ending or the node is being replaced
        } finally {
            guard.close();
        }
    }

    /** Runs {@link NodeApi} on a server thread for each request whose head is complete. */
    private static final class ApiHandler extends Handler.Abstract {
        private final NodeApi api;
        private final ConnectionGuard guard;

        ApiHandler(NodeApi api, ConnectionGuard guard) {
            this.api = api;
            this.guard = guard;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Connection connection = request.getConnectionMetaData().getConnection();
            guard.requestStarted(connection);
            try {
                api.handle(new JettyExchange(request, response));
                callback.succeeded();
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
            } finally {
                guard.requestEnded(connection);
            }
            return true;
        }
    }

    /**
     * Refusals Jetty makes itself, before {@link NodeApi} (a request it cannot parse, headers too long, a
     * body too slow), in the JSON error shape of every other refusal; fixed texts, nothing echoed.
     */
    private static final class JsonErrors extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            String code = status == 413 ? "TOO_LARGE" : status >= 500 ? "INTERNAL" : "MALFORMED";
            String message = status == 413
                    ? "request body is larger than " + NodeApi.BODY_LIMIT + " bytes"
                    : status >= 500 ? "the server failed to handle the request" : "the request cannot be read";
            byte[] body;
            try {
                body = StrictJson.mapper().writeValueAsBytes(new ErrorAnswer(code, message));
            } catch (JsonProcessingException e) {
                callback.failed(e);
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
