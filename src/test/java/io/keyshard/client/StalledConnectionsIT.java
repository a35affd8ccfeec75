package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.node.NodeTransport;
import io.keyshard.node.TestNode;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node cannot be frozen without credentials: 1,000 connections that never finish their TLS
 * handshake or their request (from 40 loopback addresses, under the per-address cap) leave health
 * answering within a second and keygens completing; the node closes them by itself; a request head
 * without an API key gets its 401 before any body is read; one address cannot hold more than the cap.
 */
class StalledConnectionsIT {
    private static final String PASSWORD = "stalled-it-password";
    private static final int STALLED = 1000;
    private static final int SOURCES = 40;
    /** Of the stalled connections, these finished the handshake and sent a request head without a key. */
    private static final int HEADS = 40;
    /** A TLS record header announcing a 200-byte handshake message that never comes. */
    private static final byte[] PARTIAL_TLS_RECORD = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8};

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 55, unit = TimeUnit.SECONDS)
    void aThousandStalledConnectionsFreezeNeitherHealthNorKeygens() throws Exception {
        Path home = dir.resolve("home");
        try (RemoteCluster cluster = new RemoteCluster(home, dir.resolve("nodes"))) {
            try (Vault vault = Vault.create(home, PASSWORD.toCharArray(), new KdfParams(1024, 1, 1))) {
                cluster.register(vault);
            }
            holdStalledConnectionsWhileKeygensRun(cluster, home);
        }
    }

    private static void holdStalledConnectionsWhileKeygensRun(RemoteCluster cluster, Path home) throws Exception {
        TestNode alpha = cluster.node("ALPHA");
        SSLContext trustsAlpha = trusting(alpha);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), alpha.server.port());
        List<Socket> stalled = new ArrayList<>();
        List<Socket> headsWithoutKey = new ArrayList<>();
        alpha.send(null, "/v1/health", null); // the test's own HTTP client warmed up, so the timing is the node's
        try {
            for (int i = 0; i < HEADS; i++) {
                headsWithoutKey.add(headWithoutKey(trustsAlpha, loopback(2 + i % SOURCES), target));
            }
            for (int i = HEADS; i < STALLED; i++) {
                Socket s = open(loopback(2 + i % SOURCES), target);
                if (i % 2 == 0) { // TLS handshake begun, never finished; else TCP with not one byte sent
                    s.getOutputStream().write(PARTIAL_TLS_RECORD);
                    s.getOutputStream().flush();
                }
                stalled.add(s);
            }

            for (int i = 0; i < 5; i++) {
                assertHealthWithinASecond(alpha);
            }
            try (Vault vault = Vault.open(home, PASSWORD.toCharArray());
                    Workspace ws = Workspace.open(home, vault)) {
                for (int i = 0; i < 3; i++) {
                    GeneratedKey key = ws.call(
                                    ComponentModule.GENERATE_KEY_SHARE,
                                    new KeygenRequest(CurveName.ED25519, 2, RemoteCluster.NAMES))
                            .promise()
                            .get(15, TimeUnit.SECONDS);
                    assertEquals(KeyStatus.READY, key.record().status());
                    assertHealthWithinASecond(alpha);
                }
            }

            for (Socket s : headsWithoutKey) {
                String answer = readAll(s, 5_000);
                assertTrue(answer.startsWith("HTTP/1.1 401"), "a request head without a key gets 401: " + answer);
            }

            // The node drops every stalled connection by itself, well before the test ends.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
            for (Socket s : stalled) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                assertTrue(closedByPeer(s, (int) left), "a stalled connection is still open after its deadline");
            }
        } finally {
            closeAll(stalled);
            closeAll(headsWithoutKey);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void oneSourceAddressCannotHoldMoreThanTheCap() throws Exception {
        try (TestNode bravo = new TestNode(dir.resolve("bravo"), "BRAVO", 12, Duration.ofMinutes(5))) {
            holdManyFromOneAddress(bravo);
        }
    }

    private static void holdManyFromOneAddress(TestNode bravo) throws Exception {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), bravo.server.port());
        InetAddress source = loopback(2 + SOURCES + 1);
        List<Socket> sockets = new ArrayList<>();
        bravo.send(null, "/v1/health", null);
        try {
            int opened = 2 * NodeTransport.PER_SOURCE + 100;
            for (int i = 0; i < opened; i++) {
                sockets.add(open(source, target));
            }
            int closedAtOnce = 0;
            for (Socket s : sockets) {
                if (closedByPeer(s, 50)) {
                    closedAtOnce++;
                }
            }
            assertTrue(
                    closedAtOnce >= opened - NodeTransport.PER_SOURCE - 10,
                    "only " + closedAtOnce + " of " + opened + " connections from one address refused");
            assertTrue(closedAtOnce <= opened - 1, "the first connections of an address are served");
            assertHealthWithinASecond(bravo);
        } finally {
            closeAll(sockets);
        }
    }

    private static InetAddress loopback(int last) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    private static Socket open(InetAddress source, InetSocketAddress target) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(source, 0));
        s.connect(target, 2_000);
        return s;
    }

    /** A complete TLS handshake, then a request head that announces a body it never sends, and no API key. */
    private static Socket headWithoutKey(SSLContext trust, InetAddress source, InetSocketAddress target)
            throws Exception {
        Socket raw = open(source, target);
        SSLSocket tls =
                (SSLSocket) trust.getSocketFactory().createSocket(raw, target.getHostString(), target.getPort(), true);
        tls.setEnabledProtocols(new String[] {"TLSv1.3"});
        tls.setSoTimeout(5_000);
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the node did not finish a TLS handshake within 5 s", e);
        }
        OutputStream out = tls.getOutputStream();
        out.write(("POST /v1/keygen/" + UUID.randomUUID() + "/round1 HTTP/1.1\r\nHost: node\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return tls;
    }

    private static void assertHealthWithinASecond(TestNode node) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            int status = CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return node.send(null, "/v1/health", null).statusCode();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            one)
                    .get(1, TimeUnit.SECONDS);
            assertEquals(200, status);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        } finally {
            one.shutdownNow();
        }
    }

    /** True when the node has closed (or reset) the connection within {@code millis}. */
    private static boolean closedByPeer(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String readAll(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[1024];
        try {
            InputStream in = s.getInputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            sb.append("[no end within ").append(millis).append(" ms]");
        } catch (IOException e) {
            sb.append("[reset]");
        }
        return sb.toString();
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a socket the node already dropped
            }
        }
    }

    /** A TLS 1.3 context that trusts the node's own certificate, as a pinned client would. */
    private static SSLContext trusting(TestNode node) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream cert = Files.newInputStream(node.data.resolve("tls-cert.der"))) {
            trust.setCertificateEntry(
                    "node", CertificateFactory.getInstance("X.509").generateCertificate(cert));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }
}
