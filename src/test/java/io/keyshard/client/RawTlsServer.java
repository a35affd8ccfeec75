package io.keyshard.client;

import io.keyshard.node.NodeConfig;
import io.keyshard.node.NodeInitializer;
import io.keyshard.node.NodeSecrets;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;

/**
 * Test-only: a TLS 1.3 server on loopback (a real node certificate, so the client's pin applies)
 * that speaks raw HTTP/1.1 as its {@link Script} says: well-behaved, closing, silent or hostile.
 * It counts the connections it accepted and records every request it read.
 */
final class RawTlsServer implements AutoCloseable {
    /** One request as the server read it. */
    record Request(int connection, int number, String method, String path, Map<String, String> headers, byte[] body) {}

    /** What the server does with a request. */
    record Reply(byte[] bytes, boolean closeAfter, boolean hang) {
        static Reply answer(String raw) {
            return new Reply(raw.getBytes(StandardCharsets.ISO_8859_1), false, false);
        }

        static Reply answerThenClose(String raw) {
            return new Reply(raw.getBytes(StandardCharsets.ISO_8859_1), true, false);
        }

        static Reply closeWithoutAnswer() {
            return new Reply(new byte[0], true, false);
        }

        static Reply neverAnswer() {
            return new Reply(new byte[0], false, true);
        }

        /** A well-formed 200 with a Content-Length body. */
        static Reply ok(String body) {
            return answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        }
    }

    /** Decides the reply to request {@code number} (from 1) on accepted connection {@code connection} (from 1). */
    interface Script {
        Reply reply(Request request) throws IOException;
    }

    final String certSha256;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    /** Counted down each time a connection ends on the server's side (closed by either end). */
    volatile CountDownLatch connectionEnded = new CountDownLatch(1);

    volatile Script script;
    private final SSLServerSocket socket;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    RawTlsServer(Path dir, Script script) throws Exception {
        NodeInitializer.Issued issued =
                NodeInitializer.init(dir, new NodeConfig("ROGUE", 7, 1, "127.0.0.1", "127.0.0.1"), new SecureRandom());
        this.certSha256 = issued.entry().certSha256();
        this.script = script;
        socket = (SSLServerSocket) NodeSecrets.tls(dir)
                .getServerSocketFactory()
                .createServerSocket(0, 64, InetAddress.getLoopbackAddress());
        socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        Thread acceptor = new Thread(this::accept, "raw-tls-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "https://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                int n = accepted.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s, n), "raw-tls-conn-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int connection) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int number = 1; ; number++) {
                Request r = read(in, connection, number);
                if (r == null) {
                    return;
                }
                requests.add(r);
                Reply reply = script.reply(r);
                out.write(reply.bytes());
                out.flush();
                if (reply.hang()) {
                    // wait for the client to give up: its close ends this read
                    while (in.read() >= 0) {
                        // discard
                    }
                    return;
                }
                if (reply.closeAfter()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            connectionEnded.countDown();
        }
    }

    private static Request read(InputStream in, int connection, int number) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String l = line.toString().replace("\r", "");
                if (l.isEmpty()) {
                    break;
                }
                lines.add(l);
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        if (b < 0) {
            return null;
        }
        String[] start = lines.get(0).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            headers.put(
                    h.substring(0, colon).toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        for (int i = 0; i < length && (b = in.read()) >= 0; i++) {
            body.write(b);
        }
        return new Request(connection, number, start[0], start[1], headers, body.toByteArray());
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
