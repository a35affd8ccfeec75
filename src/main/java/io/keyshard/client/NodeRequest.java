package io.keyshard.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * One request to a node in flight, and the future of its decoded answer: runs on an I/O thread,
 * and a cancel or its deadline closes its socket so a blocked read or write ends at once.
 */
final class NodeRequest<T> extends CompletableFuture<T> implements Runnable {
    /** Requests in flight, checked by the watchdog for a write or a slow trickle that outlasts the deadline. */
    private static final Set<NodeRequest<?>> RUNNING = ConcurrentHashMap.newKeySet();

    private static final AtomicBoolean WATCHING = new AtomicBoolean();

    private final PinnedHttps http;
    private final String method;
    private final String path;
    private final char[] apiKey;
    private final byte[] json;
    private final long deadline;
    private final long connectDeadline;
    private final PinnedHttps.Decoder<T> decoder;
    private final Object lock = new Object();
    private TlsConnection active;
    private volatile boolean connecting;
    private volatile boolean expired;

    NodeRequest(
            PinnedHttps http,
            String method,
            String path,
            char[] apiKey,
            byte[] json,
            long deadline,
            long connectDeadline,
            PinnedHttps.Decoder<T> decoder) {
        this.http = http;
        this.method = method;
        this.path = path;
        this.apiKey = apiKey;
        this.json = json;
        this.deadline = deadline;
        this.connectDeadline = connectDeadline;
        this.decoder = decoder;
    }

    @Override
    public void run() {
        if (isDone()) {
            return;
        }
        startWatchdog();
        RUNNING.add(this);
        try {
            complete(decoder.decode(exchange()));
        } catch (ServerException e) {
            completeExceptionally(new CompletionException(e));
        } catch (Exception e) {
            completeExceptionally(new CompletionException(failure(e)));
        } catch (Error e) {
            completeExceptionally(e); // never leave the caller waiting, even on OutOfMemoryError
            throw e;
        } finally {
            RUNNING.remove(this);
        }
    }

    private HttpAnswerReader.Answer exchange() throws IOException, ServerException {
        byte[] request = http.requestBytes(method, path, apiKey, json);
        try {
            TlsConnection reused = http.takeIdle();
            if (reused != null) {
                HttpAnswerReader.Answer a = attempt(reused, true, request);
                if (a != null) {
                    return a;
                }
            }
            connecting = true;
            TlsConnection fresh = http.open(this, connectDeadline);
            connecting = false;
            return attempt(fresh, false, request);
        } finally {
            Arrays.fill(request, (byte) 0);
        }
    }

    /**
     * Sends the request on {@code c} and reads the answer. Null means: retry on a new connection (an
     * idle connection the server had closed, found before any answer byte, for a GET only: a POST is
     * never sent twice).
     */
    private HttpAnswerReader.Answer attempt(TlsConnection c, boolean reused, byte[] request) throws IOException {
        HttpAnswerReader reader = null;
        try {
            attach(c);
            c.deadline(deadline);
            c.write(request);
            reader = new HttpAnswerReader(c.input());
            HttpAnswerReader.Answer a = reader.read();
            if (detach() && a.reusable()) {
                http.release(c);
            } else {
                c.close();
            }
            return a;
        } catch (IOException | RuntimeException e) {
            detach();
            c.close();
            boolean closedByServer = !(e instanceof SocketTimeoutException)
                    && !isCancelled()
                    && !expired
                    && (reader == null || !reader.started())
                    && !(e instanceof HttpAnswerReader.Malformed || e instanceof HttpAnswerReader.TooLarge);
            if (reused && closedByServer && method.equals("GET")) {
                return null;
            }
            throw e;
        }
    }

    /** Makes {@code c} this request's socket, which a cancel or the deadline closes; fails if already ended. */
    void attach(TlsConnection c) {
        synchronized (lock) {
            if (!isDone()) {
                active = c;
                return;
            }
        }
        c.close();
        throw new CancellationException();
    }

    /** Forgets the socket; false if the request ended meanwhile (cancelled: the socket may be closed). */
    private boolean detach() {
        synchronized (lock) {
            active = null;
            return !isDone() && !expired;
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        closeActive();
        return cancelled;
    }

    private void closeActive() {
        TlsConnection c;
        synchronized (lock) {
            c = active;
        }
        if (c != null) {
            c.close();
        }
    }

    /** Starts the one watchdog thread with the first request of the process. */
    private static void startWatchdog() {
        if (WATCHING.compareAndSet(false, true)) {
            Thread watchdog = new Thread(NodeRequest::watch, "keyshard-node-io-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (NodeRequest<?> r : RUNNING) {
                if (now - (r.connecting ? r.connectDeadline : r.deadline) > 0) {
                    r.expired = true;
                    r.closeActive();
                }
            }
        }
    }

    /** The failure as a ServerException naming the server; the words are the ones users and tests know. */
    ServerException failure(Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        String url = http.url;
        String reason;
        if (isCancelled() || t instanceof CancellationException) {
            reason = "request cancelled";
        } else if (expired || hasCause(t, SocketTimeoutException.class)) {
            reason = connecting
                    ? "no connection to " + url + " in time (connect or TLS handshake did not finish)"
                    : "no answer from " + url + " in time";
        } else if (t instanceof ConnectException) {
            return ServerException.connectionRefused(
                    http.server, "unreachable at " + url + " (connection refused: is it running?)");
        } else if (hasCause(t, CertificateException.class)) {
            reason = "TLS with " + url + " failed: its certificate does not match the pin in servers.json";
        } else if (t instanceof SSLException || hasCause(t, SSLException.class)) {
            // not the pin: the server ended the handshake (a node turns away connections beyond its limit from one
            // address) or offered no TLS 1.3; the library's words say which
            reason = "TLS with " + url + " failed (" + t.getMessage() + "): it closed the connection or does not "
                    + "speak TLS 1.3; try again, and check that the URL is a Keyshard node";
        } else if (t instanceof HttpAnswerReader.Malformed) {
            reason = "sent a malformed HTTP answer (" + t.getMessage() + ")";
        } else if (t instanceof HttpAnswerReader.TooLarge) {
            reason = "sent an answer larger than " + HttpAnswerReader.MAX_BODY_TEXT;
        } else if (t instanceof HttpAnswerReader.ClosedBeforeAnswer) {
            reason = "connection to " + url + " closed before an answer came";
        } else {
            reason = "connection to " + url + " failed (" + t.getClass().getSimpleName() + ")";
        }
        return new ServerException(http.server, 0, null, reason);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
