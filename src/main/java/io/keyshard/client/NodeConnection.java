package io.keyshard.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.keyshard.json.StrictJson;
import io.keyshard.wire.AbortAnswer;
import io.keyshard.wire.AbortRequest;
import io.keyshard.wire.AbortResults;
import io.keyshard.wire.ErrorAnswer;
import io.keyshard.wire.HealthAnswer;
import io.keyshard.wire.IdentityAnswer;
import io.keyshard.wire.KeyStatusAnswer;
import io.keyshard.wire.SetupStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * HTTPS to one node over a pinned TLS 1.3 connection (reused between requests). Every failure
 * comes back as a {@link ServerException} naming the server and what went wrong.
 */
public final class NodeConnection {
    // Answers whose fields depend on the key's state or that old or foreign nodes may leave out: their
    // readers let fields be absent, and the caller checks what it needs (the round messages stay strict).
    private static final ObjectReader HEALTH = StrictJson.readerAllowingAbsentFields(HealthAnswer.class);
    private static final ObjectReader IDENTITY = StrictJson.readerAllowingAbsentFields(IdentityAnswer.class);
    private static final ObjectReader KEY_STATUS = StrictJson.readerAllowingAbsentFields(KeyStatusAnswer.class);
    private static final ObjectReader ABORT = StrictJson.readerAllowingAbsentFields(AbortAnswer.class);
    private static final ObjectReader SETUP_STATUS = StrictJson.readerAllowingAbsentFields(SetupStatus.class);
    // An error body is read even from a newer node that adds fields: what it lacks or adds only loses detail.
    static final ObjectReader ERROR = StrictJson.readerAllowingAbsentFields(ErrorAnswer.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final String name;
    private final ServerInfo info;
    private final char[] apiKey;
    private final PinnedHttps http;
    /** The identity last fetched over this pinned connection: long-term keys, fetched once, not per keygen. */
    private volatile IdentityAnswer identity;

    /** A connection to {@code name}; {@code apiKey} (copied) may be null for health checks only. */
    public NodeConnection(String name, ServerInfo info, char[] apiKey) {
        this.name = name;
        this.info = info;
        this.apiKey = apiKey == null ? null : apiKey.clone();
        this.http = new PinnedHttps(name, info.url(), info.certSha256());
    }

    public String name() {
        return name;
    }

    public ServerInfo info() {
        return info;
    }

    /** {@code GET /v1/health} (no API key needed). */
    public CompletableFuture<HealthAnswer> health(Duration timeout) {
        return get("/v1/health", false, timeout, a -> decode(a, HEALTH));
    }

    /** {@code GET /v1/identity}: the server's identity public keys. */
    public CompletableFuture<IdentityAnswer> identity(Duration timeout) {
        return get("/v1/identity", true, timeout, a -> decode(a, IDENTITY));
    }

    /**
     * The identity as {@link #identity(Duration)} gave it on this connection, fetched only the first time
     * (or after {@link #forgetIdentity()}): saves a round trip per key generation. The pin keeps it the same
     * server; a server whose keys changed fails round 1, and the caller then forgets the cached copy.
     */
    public CompletableFuture<IdentityAnswer> cachedIdentity(Duration timeout) {
        IdentityAnswer known = identity;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        // cached on the I/O thread, so the future returned is the request's own and a cancel reaches its socket
        return get("/v1/identity", true, timeout, a -> {
            IdentityAnswer fetched = decode(a, IDENTITY);
            identity = fetched;
            return fetched;
        });
    }

    /** Drops the cached identity, so the next key generation fetches it again. */
    public void forgetIdentity() {
        identity = null;
    }

    /** {@code GET /v1/keys/{keyId}}: status and public data of one of this client's keys. */
    public CompletableFuture<KeyStatusAnswer> keyStatus(UUID keyId, Duration timeout) {
        return get("/v1/keys/" + keyId, true, timeout, a -> decode(a, KEY_STATUS));
    }

    /** {@code POST /v1/keygen/{keyId}/{action}} with a JSON body; the answer parsed strictly into {@code type}. */
    public <T> CompletableFuture<T> keygen(UUID keyId, String action, Object body, Class<T> type, Duration timeout) {
        return post("/v1/keygen/" + keyId + "/" + action, body, type, timeout);
    }

    /**
     * {@code POST /v1/keygen/{keyId}/abort}: an empty body (null), or a proof that the key can never be committed,
     * an {@link AbortRequest} carrying another server's statement or an {@link AbortResults} carrying signed results
     * that differ; the answer may leave out the statement (a server that holds a share, or one that signs none).
     */
    public CompletableFuture<AbortAnswer> abort(UUID keyId, Object request, Duration timeout) {
        byte[] json;
        try {
            json = StrictJson.mapper().writeValueAsBytes(request == null ? Map.of() : request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ServerException(name, 0, null, "cannot encode the request"));
        }
        return http.send("POST", "/v1/keygen/" + keyId + "/abort", apiKey, json, timeout, a -> decode(a, ABORT));
    }

    /** {@code POST /v1/sign/{signId}/{action}} with a JSON body; the answer parsed strictly into {@code type}. */
    public <T> CompletableFuture<T> sign(UUID signId, String action, Object body, Class<T> type, Duration timeout) {
        return post("/v1/sign/" + signId + "/" + action, body, type, timeout);
    }

    /** {@code GET /v1/keys/{keyId}/ecdsa-setup}: where the key's ECDSA pairwise setup stands on this server. */
    public CompletableFuture<SetupStatus> ecdsaSetupStatus(UUID keyId, Duration timeout) {
        return get("/v1/keys/" + keyId + "/ecdsa-setup", true, timeout, a -> decode(a, SETUP_STATUS));
    }

    /** {@code POST /v1/keys/{keyId}/ecdsa-setup/{step}} with a JSON body; the answer parsed strictly into {@code type}. */
    public <T> CompletableFuture<T> ecdsaSetup(UUID keyId, String step, Object body, Class<T> type, Duration timeout) {
        // step 3 answers a status, whose setupId is left out when the key's pairs are of different setups
        ObjectReader reader =
                type == SetupStatus.class ? SETUP_STATUS : StrictJson.mapper().readerFor(type);
        return post("/v1/keys/" + keyId + "/ecdsa-setup/" + step, body, reader, timeout);
    }

    private <T> CompletableFuture<T> post(String path, Object body, Class<T> type, Duration timeout) {
        return post(path, body, StrictJson.mapper().readerFor(type), timeout);
    }

    private <T> CompletableFuture<T> post(String path, Object body, ObjectReader reader, Duration timeout) {
        byte[] json;
        try {
            json = StrictJson.mapper().writeValueAsBytes(body == null ? Map.of() : body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ServerException(name, 0, null, "cannot encode the request"));
        }
        return http.send("POST", path, apiKey, json, timeout, a -> decode(a, reader));
    }

    private <T> CompletableFuture<T> get(String path, boolean auth, Duration timeout, PinnedHttps.Decoder<T> decoder) {
        return http.send("GET", path, auth ? apiKey : null, null, timeout, decoder);
    }

    private <T> T decode(HttpAnswerReader.Answer resp, Class<T> type) throws ServerException {
        return decode(resp, StrictJson.mapper().readerFor(type));
    }

    /** A 200 answer read by {@code reader}; any other status becomes a ServerException with the node's error. */
    private <T> T decode(HttpAnswerReader.Answer resp, ObjectReader reader) throws ServerException {
        try {
            if (resp.status() == 200) {
                return reader.readValue(resp.body());
            }
            ErrorAnswer err = ERROR.readValue(resp.body());
            throw ServerException.refusal(name, resp.status(), err);
        } catch (IOException e) {
            throw new ServerException(
                    name,
                    resp.status(),
                    null,
                    "sent an answer that is not the expected JSON (HTTP " + resp.status() + ")");
        }
    }

    /**
     * Forgets the API key held by this connection and closes its idle sockets. Call it when the connection
     * is no longer used; a request made later still works, without the key, on a socket that is not kept.
     */
    public void wipe() {
        if (apiKey != null) {
            Arrays.fill(apiKey, '\0');
        }
        http.close();
    }

    /** Unwraps a future's failure into the ServerException inside, if any. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
