package io.keyshard.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.testing.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's own HTTP/1.1 over pinned TLS 1.3, against a raw TLS server that behaves well or badly. */
class PinnedHttpsTest {
    private static final Duration T = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private RawTlsServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private PinnedHttps start(RawTlsServer.Script script) throws Exception {
        server = new RawTlsServer(dir.resolve("rogue"), script);
        return new PinnedHttps("ROGUE", server.url(), server.certSha256);
    }

    private static CompletableFuture<HttpAnswerReader.Answer> get(PinnedHttps http, String path, Duration timeout) {
        return http.send("GET", path, null, null, timeout, a -> a);
    }

    private static CompletableFuture<HttpAnswerReader.Answer> post(PinnedHttps http, String path, String json) {
        return http.send("POST", path, "ksk_test".toCharArray(), json.getBytes(StandardCharsets.UTF_8), T, a -> a);
    }

    private static String text(HttpAnswerReader.Answer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    private static String failure(CompletableFuture<?> f) {
        Throwable t = NodeConnection.unwrap(assertThrows(Exception.class, () -> f.get(60, TimeUnit.SECONDS)));
        assertTrue(t instanceof ServerException, String.valueOf(t));
        assertTrue(t.getMessage().startsWith("server ROGUE: "), t.getMessage());
        assertFalse(t.getMessage().contains("ksk_test"), "the API key is never in a message");
        return t.getMessage();
    }

    /** Echoes method, path and body; every connection keeps serving. */
    private static RawTlsServer.Reply echo(RawTlsServer.Request r) {
        return RawTlsServer.Reply.ok(r.method() + " " + r.path() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void manyRequestsShareOneConnectionAndSendWhatTheNodeExpects() throws Exception {
        PinnedHttps http = start(PinnedHttpsTest::echo);
        for (int i = 0; i < 30; i++) {
            assertEquals(
                    "GET /v1/health/" + i + " ",
                    text(get(http, "/v1/health/" + i, T).join()));
            assertEquals(
                    "POST /v1/keygen/k/round" + i + " {\"n\":" + i + "}",
                    text(post(http, "/v1/keygen/k/round" + i, "{\"n\":" + i + "}")
                            .join()));
        }
        assertEquals(1, server.accepted.get(), "one TLS handshake for 60 requests");
        RawTlsServer.Request g = server.requests.get(0);
        RawTlsServer.Request p = server.requests.get(1);
        assertEquals(server.url().substring("https://".length()), g.headers().get("host"));
        assertNull(g.headers().get("authorization"), "no key was given for the GET");
        assertNull(g.headers().get("content-length"));
        assertEquals("Bearer ksk_test", p.headers().get("authorization"));
        assertEquals("application/json", p.headers().get("content-type"));
        assertEquals("7", p.headers().get("content-length"));
    }

    @Test
    void eightThreadsAtOnceEachGetTheirOwnAnswers() throws Exception {
        PinnedHttps http = start(PinnedHttpsTest::echo);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(callers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String path = "/v1/keygen/" + thread + "/round" + i;
                        assertEquals(
                                "POST " + path + " {\"t\":" + thread + "}",
                                text(post(http, path, "{\"t\":" + thread + "}").join()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(200, server.requests.size());
        assertTrue(server.accepted.get() <= 8, "at most one connection per caller: " + server.accepted.get());
    }

    @Test
    void bodiesByContentLengthChunkedUntilCloseAndNone() throws Exception {
        PinnedHttps http = start(r -> switch (r.path()) {
            case "/chunked" ->
                RawTlsServer.Reply.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\n{\"a\":\r\n3;ext=1\r\n1}\n\r\n0\r\nTrailer: x\r\n\r\n");
            case "/empty" -> RawTlsServer.Reply.answer("HTTP/1.1 204 No Content\r\n\r\n");
            case "/until-close" -> RawTlsServer.Reply.answerThenClose("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}");
            default -> RawTlsServer.Reply.ok("{\"b\":2}");
        });
        assertEquals("{\"a\":1}\n", text(get(http, "/chunked", T).join()));
        assertEquals("{\"b\":2}", text(get(http, "/length", T).join()));
        HttpAnswerReader.Answer empty = get(http, "/empty", T).join();
        assertEquals(204, empty.status());
        assertArrayEquals(new byte[0], empty.body());
        assertEquals(1, server.accepted.get(), "all three framings leave the connection reusable");
        assertEquals("{}", text(get(http, "/until-close", T).join()));
        assertEquals("{\"b\":2}", text(get(http, "/length", T).join()));
        assertEquals(2, server.accepted.get(), "a body read until close ends its connection");
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        server.script = r -> new RawTlsServer.Reply(
                concat(
                        ("HTTP/1.1 200 OK\r\nContent-Length: " + big.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII),
                        big),
                false,
                false);
        assertArrayEquals(big, get(http, "/big", T).join().body(), "a large body arrives whole");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void hostileAnswersAreRefusedNamingTheServerAndTheirConnectionIsDropped() throws Exception {
        String over = "x".repeat(70 * 1024);
        List<String[]> cases = List.of(
                new String[] {"SSH-2.0-OpenSSH\r\n\r\n", "malformed HTTP answer (bad status line)"},
                new String[] {"HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n", "malformed HTTP answer"},
                new String[] {"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", "malformed HTTP answer"},
                new String[] {"HTTP/1.1 100 Continue\r\n\r\n", "malformed HTTP answer"},
                new String[] {"HTTP/1.1 200 OK\nContent-Length: 0\n\n", "malformed HTTP answer"},
                new String[] {
                    "HTTP/1.1 200 OK\r\nX-Long: " + over + "\r\nContent-Length: 0\r\n\r\n", "larger than 64 KiB"
                },
                new String[] {
                    "HTTP/1.1 200 OK\r\n" + "X-A: b\r\n".repeat(150) + "Content-Length: 0\r\n\r\n",
                    "more than 100 header lines"
                },
                new String[] {"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "malformed HTTP answer"},
                new String[] {
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "malformed HTTP answer"
                },
                new String[] {
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
                    "malformed HTTP answer"
                },
                new String[] {"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "malformed HTTP answer"},
                new String[] {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "malformed HTTP answer"},
                new String[] {
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n",
                    "malformed HTTP answer"
                },
                new String[] {"HTTP/1.1 200 OK\r\nContent-Length: 17000000\r\n\r\n", "sent an answer larger than 16 MiB"
                },
                new String[] {
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1100000\r\n",
                    "sent an answer larger than 16 MiB"
                },
                new String[] {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}", "malformed HTTP answer"});
        PinnedHttps http = start(null);
        int connections = 0;
        for (String[] c : cases) {
            boolean closes = c[0].endsWith("{}") && c[0].contains("Length: 10");
            server.script = r -> closes ? RawTlsServer.Reply.answerThenClose(c[0]) : RawTlsServer.Reply.answer(c[0]);
            String message = failure(get(http, "/v1/health", T));
            assertTrue(message.contains(c[1]), c[0].substring(0, Math.min(40, c[0].length())) + " -> " + message);
            assertFalse(message.contains("x".repeat(100)), "the server's bytes are not echoed");
            connections++;
            server.script = PinnedHttpsTest::echo;
            assertEquals("GET /after ", text(get(http, "/after", T).join()));
            assertEquals(connections + 1, server.accepted.get(), "the refused answer's connection was not reused");
        }
    }

    @Test
    void anIdleConnectionTheServerClosedIsNotUsed() throws Exception {
        PinnedHttps http =
                start(r -> RawTlsServer.Reply.answerThenClose("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        assertEquals("{}", text(get(http, "/first", T).join()));
        assertTrue(server.connectionEnded.await(10, TimeUnit.SECONDS));
        Thread.sleep(200); // lets the close reach the client's socket
        server.script = PinnedHttpsTest::echo;
        assertEquals(
                "POST /v1/keygen/k/round1 {}",
                text(post(http, "/v1/keygen/k/round1", "{}").join()));
        assertEquals(2, server.accepted.get());
        assertEquals(2, server.requests.size(), "the POST was sent once, on a new connection");
    }

    @Test
    void aDroppedRequestOnAReusedConnectionIsRetriedForGetButNeverForPost() throws Exception {
        // every connection's second request is read and then dropped without an answer
        PinnedHttps http = start(r -> r.number() == 2 ? RawTlsServer.Reply.closeWithoutAnswer() : echo(r));
        assertEquals("GET /one ", text(get(http, "/one", T).join()));
        assertEquals("GET /two ", text(get(http, "/two", T).join()), "the GET was sent again on a new connection");
        assertEquals(
                List.of("/one", "/two", "/two"),
                server.requests.stream().map(RawTlsServer.Request::path).toList());
        assertEquals(2, server.accepted.get());
        String message = failure(post(http, "/v1/keygen/k/round1", "{}"));
        assertTrue(message.contains("closed before an answer came"), message);
        assertEquals(
                1,
                server.requests.stream().filter(r -> r.method().equals("POST")).count(),
                "a POST is never sent twice");
        assertEquals(2, server.accepted.get(), "no new connection was opened for it");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithItsUrl() throws Exception {
        PinnedHttps http = start(r -> RawTlsServer.Reply.neverAnswer());
        String message = failure(get(http, "/v1/health", Duration.ofMillis(700)));
        assertEquals("server ROGUE: no answer from " + server.url() + " in time", message);
        server.script = r -> new RawTlsServer.Reply(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{".getBytes(StandardCharsets.US_ASCII), false, true);
        message = failure(get(http, "/v1/health", Duration.ofMillis(700)));
        assertEquals("server ROGUE: no answer from " + server.url() + " in time", message, "half an answer");
    }

    @Test
    void aCancelClosesTheSocketAtOnce() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        PinnedHttps http = start(r -> {
            received.countDown();
            return RawTlsServer.Reply.neverAnswer();
        });
        // the future a round gets, as ParallelRound cancels it when another server fails or the user cancels
        NodeConnection node = new NodeConnection(
                "ROGUE", new ServerInfo(server.url(), 7, server.certSha256, false), "ksk_test".toCharArray());
        CompletableFuture<JsonNode> f =
                node.keygen(UUID.randomUUID(), "round2", Map.of(), JsonNode.class, Duration.ofMinutes(5));
        assertTrue(received.await(20, TimeUnit.SECONDS));
        assertTrue(f.cancel(true));
        assertTrue(server.connectionEnded.await(20, TimeUnit.SECONDS), "the server sees the connection closed");
        assertThrows(CancellationException.class, f::join);
        server.script = PinnedHttpsTest::echo;
        assertEquals("GET /next ", text(get(http, "/next", T).join()));
        assertEquals(2, server.accepted.get(), "the cancelled request's connection was not reused");
    }

    @Test
    void wipeClosesTheIdleConnectionsAndLaterRequestsKeepNone() throws Exception {
        start(r -> RawTlsServer.Reply.ok("{\"status\":\"ok\"}"));
        NodeConnection node = new NodeConnection(
                "ROGUE", new ServerInfo(server.url(), 7, server.certSha256, false), "ksk_test".toCharArray());
        assertEquals("ok", node.health(T).join().status());
        assertEquals("ok", node.health(T).join().status());
        assertEquals(1, server.accepted.get());
        node.wipe();
        assertTrue(server.connectionEnded.await(20, TimeUnit.SECONDS), "the idle connection is closed at wipe");
        server.connectionEnded = new CountDownLatch(1);
        assertEquals("ok", node.health(T).join().status());
        assertTrue(server.connectionEnded.await(20, TimeUnit.SECONDS), "a wiped connection keeps no socket open");
        assertEquals(2, server.accepted.get());
    }

    @Test
    void connectFailuresKeepTheirWording() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            // accepts TCP (the kernel does) but never speaks TLS
            String url = "https://127.0.0.1:" + silent.getLocalPort();
            PinnedHttps http = new PinnedHttps("ROGUE", url, "ab".repeat(32));
            assertEquals(
                    "server ROGUE: no connection to " + url + " in time (connect or TLS handshake did not finish)",
                    failure(get(http, "/v1/health", Duration.ofMillis(700))));
        }
        String url = "https://127.0.0.1:" + LoopbackPorts.unused();
        assertEquals(
                "server ROGUE: unreachable at " + url + " (connection refused: is it running?)",
                failure(get(new PinnedHttps("ROGUE", url, "ab".repeat(32)), "/v1/health", T)));
        start(PinnedHttpsTest::echo);
        PinnedHttps wrongPin = new PinnedHttps("ROGUE", server.url(), "ab".repeat(32));
        assertTrue(failure(get(wrongPin, "/v1/health", T)).contains("does not match the pin"));
    }

    @Test
    void aServerThatEndsTheHandshakeIsNotSaidToHaveAnotherCertificate() throws Exception {
        // what a node at its limit of connections from one address does: accept, then close at once
        try (ServerSocket closing = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = closing.accept()) {
                    s.getInputStream().read(); // the ClientHello's first byte, then a plain close
                } catch (IOException ignored) {
                    // the test ends the socket
                }
            });
            t.setDaemon(true);
            t.start();
            String url = "https://127.0.0.1:" + closing.getLocalPort();
            String words = failure(get(new PinnedHttps("ROGUE", url, "ab".repeat(32)), "/v1/health", T));
            assertTrue(words.startsWith("server ROGUE: TLS with " + url + " failed ("), words);
            assertTrue(words.contains("closed the connection"), words);
            assertFalse(words.contains("pin"), words);
        }
    }

    @Test
    void anApiKeyThatWouldBreakTheHeaderIsNotSent() throws Exception {
        PinnedHttps http = start(PinnedHttpsTest::echo);
        CompletableFuture<HttpAnswerReader.Answer> f =
                http.send("GET", "/v1/identity", "ksk_test\r\nX-Evil: 1".toCharArray(), null, T, a -> a);
        assertTrue(failure(f).contains("API key"));
        assertEquals(0, server.requests.size());
    }
}
