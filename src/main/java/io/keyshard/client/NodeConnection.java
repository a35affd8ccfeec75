package io.keyshard.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * HTTPS to one node over a pinned TLS 1.3 connection (reused between requests). Every failure
 * comes back as a {@link ServerException} naming the server and what went wrong.
 */
public final class NodeConnection {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static {
        io.keyshard.QuietLibraryLogs.apply();
    }
    private final String name;
    private final ServerInfo info;
    private final char[] apiKey;
    private final HttpClient http;
    /** The identity last fetched over this pinned connection: long-term keys, fetched once, not per keygen. */
    private volatile JsonNode identity;

    /** A connection to {@code name}; {@code apiKey} (copied) may be null for health checks only. */
    public NodeConnection(String name, ServerInfo info, char[] apiKey) {
        this.name = name;
        this.info = info;
        this.apiKey = apiKey == null ? null : apiKey.clone();
        SSLParameters params = new SSLParameters();
        params.setProtocols(new String[] {PinnedTrustManager.PROTOCOL});
        try {
            this.http = HttpClient.newBuilder()
                    .sslContext(PinnedTrustManager.context(info.certSha256()))
                    .sslParameters(params)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    public String name() {
        return name;
    }

    public ServerInfo info() {
        return info;
    }

    /** {@code GET /v1/health} (no API key needed). */
    public CompletableFuture<JsonNode> health(Duration timeout) {
        return send(request("/v1/health", timeout, false).GET().build(), JsonNode.class);
    }

    /** {@code GET /v1/identity}: the server's identity public keys. */
    public CompletableFuture<JsonNode> identity(Duration timeout) {
        return send(request("/v1/identity", timeout, true).GET().build(), JsonNode.class);
    }

    /**
     * The identity as {@link #identity(Duration)} gave it on this connection, fetched only the first time
     * (or after {@link #forgetIdentity()}): saves a round trip per key generation. The pin keeps it the same
     * server; a server whose keys changed fails round 1, and the caller then forgets the cached copy.
     */
    public CompletableFuture<JsonNode> cachedIdentity(Duration timeout) {
        JsonNode known = identity;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return identity(timeout).thenApply(fetched -> {
            identity = fetched;
            return fetched;
        });
    }

    /** Drops the cached identity, so the next key generation fetches it again. */
    public void forgetIdentity() {
        identity = null;
    }

    /** {@code GET /v1/keys/{keyId}}: status and public data of one of this client's keys. */
    public CompletableFuture<JsonNode> keyStatus(UUID keyId, Duration timeout) {
        return send(request("/v1/keys/" + keyId, timeout, true).GET().build(), JsonNode.class);
    }

    /** {@code POST /v1/keygen/{keyId}/{action}} with a JSON body; the answer parsed strictly into {@code type}. */
    public <T> CompletableFuture<T> keygen(UUID keyId, String action, Object body, Class<T> type, Duration timeout) {
        byte[] json;
        try {
            json = StrictJson.mapper().writeValueAsBytes(body == null ? Map.of() : body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ServerException(name, 0, null, "cannot encode the request"));
        }
        HttpRequest req = request("/v1/keygen/" + keyId + "/" + action, timeout, true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return send(req, type);
    }

    private HttpRequest.Builder request(String path, Duration timeout, boolean auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(info.url() + path)).timeout(timeout);
        if (auth && apiKey != null) {
            b.header("Authorization", "Bearer " + new String(apiKey));
        }
        return b;
    }

    private <T> CompletableFuture<T> send(HttpRequest req, Class<T> type) {
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                .handle((resp, err) -> {
                    if (err != null) {
                        throw new CompletionException(transportFailure(err));
                    }
                    return decode(resp, type);
                });
    }

    private <T> T decode(HttpResponse<byte[]> resp, Class<T> type) {
        try {
            if (resp.statusCode() == 200) {
                return StrictJson.mapper().readValue(resp.body(), type);
            }
            JsonNode err = StrictJson.mapper().readTree(resp.body());
            String code = err.path("error").asText("HTTP_" + resp.statusCode());
            String message = err.path("message").asText("no message");
            throw new CompletionException(new ServerException(name, resp.statusCode(), code,
                    "refused the request (" + resp.statusCode() + " " + code + "): " + message));
        } catch (IOException e) {
            throw new CompletionException(new ServerException(name, resp.statusCode(), null,
                    "sent an answer that is not the expected JSON (HTTP " + resp.statusCode() + ")"));
        }
    }

    private ServerException transportFailure(Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        String reason;
        if (t instanceof HttpConnectTimeoutException) {
            reason = "no connection to " + info.url() + " in time (connect or TLS handshake did not finish)";
        } else if (t instanceof HttpTimeoutException) {
            reason = "no answer from " + info.url() + " in time";
        } else if (t instanceof ConnectException) {
            reason = "unreachable at " + info.url() + " (connection refused: is it running?)";
        } else if (t instanceof SSLException || hasCause(t, SSLException.class)) {
            reason = "TLS with " + info.url() + " failed: its certificate does not match the pin in servers.json, "
                    + "or it does not speak TLS 1.3";
        } else if (t instanceof java.util.concurrent.CancellationException) {
            reason = "request cancelled";
        } else {
            reason = "connection to " + info.url() + " failed (" + t.getClass().getSimpleName() + ")";
        }
        return new ServerException(name, 0, null, reason);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the API key held by this connection. */
    public void wipe() {
        if (apiKey != null) {
            Arrays.fill(apiKey, '\0');
        }
    }

    /** Unwraps a future's failure into the ServerException inside, if any. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
