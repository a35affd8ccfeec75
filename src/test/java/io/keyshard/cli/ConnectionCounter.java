package io.keyshard.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback port that counts the connections made to it and closes each at once: no server answers there. */
final class ConnectionCounter implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    ConnectionCounter() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptAll, "connection-counter");
        t.setDaemon(true);
        t.start();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                accepted.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    int count() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
