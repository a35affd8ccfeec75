package io.keyshard.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One pinned TLS 1.3 socket to a node, used by one request at a time. Every blocking read waits at
 * most until the current request's deadline; {@link #close()} from any thread ends a blocked read.
 */
final class TlsConnection implements Closeable {
    /**
     * The node's server closes connections idle for 30 s or more; one idle this long is not reused,
     * so a request never races the server's close.
     */
    static final long IDLE_LIMIT_NANOS = 20_000_000_000L;
    // A channel (not a plain Socket) so an idle connection can be checked without blocking: see looksOpen().
    private final SocketChannel channel;
    private SSLSocket tls;
    private InputStream in;
    private OutputStream out;
    private volatile long deadline;
    private long idleSince;

    TlsConnection() throws IOException {
        this.channel = SocketChannel.open();
    }

    /** Connects and completes the TLS 1.3 handshake (the pin is checked in it) by {@code connectDeadline}. */
    void connect(InetSocketAddress address, SSLSocketFactory factory, long connectDeadline) throws IOException {
        deadline = connectDeadline;
        Socket raw = channel.socket();
        raw.setTcpNoDelay(true);
        raw.setKeepAlive(true);
        raw.connect(address, millisLeft());
        tls = (SSLSocket) factory.createSocket(raw, address.getHostString(), address.getPort(), true);
        tls.setEnabledProtocols(new String[] {PinnedTrustManager.PROTOCOL});
        raw.setSoTimeout(millisLeft());
        tls.startHandshake();
        in = new DeadlineInput(tls.getInputStream());
        out = tls.getOutputStream();
    }

    /** Sets the time (System.nanoTime) the current request must be answered by. */
    void deadline(long nanoTime) {
        deadline = nanoTime;
    }

    /** Writes a whole request at once (one TLS record for small requests). */
    void write(byte[] request) throws IOException {
        millisLeft();
        out.write(request);
        out.flush();
    }

    /** The answer stream: each read waits at most until the deadline, then throws SocketTimeoutException. */
    InputStream input() {
        return in;
    }

    /** Marks the connection idle (back in the pool) from now. */
    void idle() {
        idleSince = System.nanoTime();
    }

    /**
     * True if this idle connection can carry another request: not idle too long, and the server has
     * neither closed it nor sent anything since the last answer (checked without waiting).
     */
    boolean looksOpen() {
        if (System.nanoTime() - idleSince > IDLE_LIMIT_NANOS) {
            return false;
        }
        try {
            if (in.available() > 0) {
                return false; // answer bytes nobody asked for, already decrypted
            }
            channel.configureBlocking(false);
            try {
                // Any byte here (a close_notify, an EOF, anything else) means the connection is not clean.
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private int millisLeft() throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }

    /** Closes the socket at once, without a TLS close_notify; safe from any thread and more than once. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed or reset: nothing left to release
        }
    }

    /** The TLS input with the socket's read timeout set to what is left of the deadline before each read. */
    private final class DeadlineInput extends InputStream {
        private final InputStream tlsIn;

        DeadlineInput(InputStream tlsIn) {
            this.tlsIn = tlsIn;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            channel.socket().setSoTimeout(millisLeft());
            return tlsIn.read(b, off, len);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }
}
