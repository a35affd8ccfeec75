package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.node.TestNode;
import io.keyshard.wire.IdentityAnswer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's pinned TLS 1.3 connection against a real node on loopback. */
class NodeConnectionTest {
    private static final Duration T = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    static TestNode node;
    static ServerInfo info;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir.resolve("node"), "OFFICIAL_2", Duration.ofMinutes(5));
        info = new ServerInfo(node.url(), 2, node.entry.certSha256(), false);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static ServerException failure(CompletableFuture<?> f) {
        Throwable t = NodeConnection.unwrap(assertThrows(Exception.class, f::join));
        assertTrue(t instanceof ServerException, String.valueOf(t));
        return (ServerException) t;
    }

    @Test
    void healthAndIdentityOverThePinnedConnection() {
        NodeConnection c =
                new NodeConnection("OFFICIAL_2", info, node.entry.apiKey().toCharArray());
        assertEquals("ok", c.health(T).join().status());
        IdentityAnswer identity = c.identity(T).join();
        assertEquals("OFFICIAL_2", identity.name());
        assertEquals(2, identity.id());
        assertEquals(identity, c.identity(T).join(), "the same identity on a reused connection");
    }

    @Test
    void aWrongPinIsRefusedBeforeAnyRequest() {
        String other = node.entry
                .certSha256()
                .replace(
                        node.entry.certSha256().charAt(0),
                        node.entry.certSha256().charAt(0) == 'a' ? 'b' : 'a');
        NodeConnection c = new NodeConnection(
                "OFFICIAL_2",
                new ServerInfo(node.url(), 2, other, false),
                node.entry.apiKey().toCharArray());
        ServerException e = failure(c.identity(T));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("OFFICIAL_2") && e.getMessage().contains("pin"), e.getMessage());
        assertEquals(4, e.exitCode());
    }

    @Test
    void noPinNoConnection() {
        assertThrows(IllegalArgumentException.class, () -> new ServerInfo(node.url(), 2, null, false));
        assertThrows(IllegalArgumentException.class, () -> new ServerInfo(node.url(), 2, "", false));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ServerInfo(node.url().replace("https", "http"), 2, node.entry.certSha256(), false));
    }

    @Test
    void aWrongApiKeyIs401NamingTheServer() {
        NodeConnection c = new NodeConnection("OFFICIAL_2", info, "ksk_wrong".toCharArray());
        ServerException e = failure(c.identity(T));
        assertEquals(401, e.status());
        assertEquals("UNAUTHORIZED", e.code());
        assertTrue(e.getMessage().startsWith("server OFFICIAL_2:"), e.getMessage());
        assertFalse(e.getMessage().contains("ksk_wrong"), "the key is never echoed");
    }

    @Test
    void plainHttpGetsNoAnswer() {
        URI plain = URI.create(node.url().replace("https://", "http://") + "/v1/health");
        assertThrows(IOException.class, () -> {
            var conn = (HttpURLConnection) plain.toURL().openConnection();
            conn.setConnectTimeout(5000);
            conn.setReadTimeout(5000);
            conn.getResponseCode();
        });
    }

    @Test
    void tls12IsRefused() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        URI u = URI.create(node.url());
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(u.getHost(), u.getPort())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setSoTimeout(5000);
            assertThrows(SSLException.class, s::startHandshake);
        }
    }

    @Test
    void serverStatusReportsAStoppedServerWithItsName() {
        ServerStatus down = ServerStatus.check(
                        "OFFICIAL_9",
                        new ServerInfo("https://127.0.0.1:1", 9, node.entry.certSha256(), false),
                        Duration.ofSeconds(5))
                .join();
        assertFalse(down.ok());
        assertTrue(down.error().contains("OFFICIAL_9"), down.error());
        assertFalse(down.fine(), "a remote server that refuses connections should answer: a fault");
        ServerStatus stopped = ServerStatus.check(
                        "OFFICIAL_9",
                        new ServerInfo("https://127.0.0.1:1", 9, node.entry.certSha256(), true),
                        Duration.ofSeconds(5))
                .join();
        assertEquals(ServerStatus.STOPPED, stopped.error());
        assertTrue(stopped.stopped() && stopped.fine(), "a local server that is not running is no fault");
        ServerStatus up = ServerStatus.check("OFFICIAL_2", info, T).join();
        assertTrue(up.ok(), up.error());
        ServerStatus misnamed = ServerStatus.check(
                        "OFFICIAL_3", new ServerInfo(node.url(), 3, node.entry.certSha256(), false), T)
                .join();
        assertFalse(misnamed.ok());
    }
}
