package io.keyshard.node;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's side of key generations: sessions before round 3 live in memory (and expire when
 * idle); from round 3 on the share is in the {@link ShareStore}, PENDING until commit, and only an
 * explicit abort removes it. Every keyId belongs to the client that started it; to any other
 * client it does not exist (404).
 */
final class KeygenService implements AutoCloseable {
    private static final int MAX_SESSIONS = 1000;
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final ShareStore store;
    private final ShareSealer sealer;
    private final Duration ttl;
    private final SecureRandom random;
    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();

    /** A key generation before its share is stored. Guarded by its own monitor. */
    static final class Session {
        final String clientId;
        final String curve;
        volatile long lastActivity = System.nanoTime();
        int roundsDone;
        boolean ended;

        Session(String clientId, String curve) {
            this.clientId = clientId;
            this.curve = curve;
        }
    }

    KeygenService(NodeConfig config, NodeIdentity identity, ShareStore store, ShareSealer sealer, Duration ttl,
            SecureRandom random) {
        this.config = config;
        this.identity = identity;
        this.store = store;
        this.sealer = sealer;
        this.ttl = ttl;
        this.random = random;
    }

    Object handle(String clientId, UUID keyId, String action, byte[] body) throws IOException, ApiException {
        return switch (action) {
            case "commit" -> commit(clientId, keyId, body);
            case "abort" -> abort(clientId, keyId, body);
            default -> throw new ApiException(501, "NOT_IMPLEMENTED", "key generation rounds are not available yet");
        };
    }

    /** Status and public data of a key this client owns. */
    Map<String, Object> status(String clientId, UUID keyId) throws IOException, ApiException {
        Session s = sessions.get(keyId);
        Map<String, Object> out = new LinkedHashMap<>();
        if (s != null && s.clientId.equals(clientId)) {
            synchronized (s) {
                out.put("status", "IN_PROGRESS");
                out.put("curve", s.curve);
                out.put("round", s.roundsDone);
                return out;
            }
        }
        ShareStore.StoredKey k = owned(clientId, keyId);
        out.put("status", k.state().name());
        out.put("curve", k.curve());
        if (k.publicResult() != null) {
            out.put("result", io.keyshard.json.StrictJson.mapper().readTree(k.publicResult()));
        }
        return out;
    }

    private Map<String, Object> commit(String clientId, UUID keyId, byte[] body) throws IOException, ApiException {
        requireEmptyObject(body);
        Session s = sessions.get(keyId);
        if (s != null && s.clientId.equals(clientId)) {
            throw ApiException.conflict("the key generation has not reached round 3 on this server");
        }
        ShareStore.StoredKey k = owned(clientId, keyId);
        switch (k.state()) {
            case READY:
                return Map.of("status", KeyState.READY.name());
            case PENDING:
                if (store.transition(keyId, KeyState.PENDING, KeyState.READY)) {
                    return Map.of("status", KeyState.READY.name());
                }
                return commit(clientId, keyId, body);
            default:
                throw ApiException.conflict("the key generation was " + k.state().name().toLowerCase()
                        + " on this server and cannot be committed");
        }
    }

    private Map<String, Object> abort(String clientId, UUID keyId, byte[] body) throws IOException, ApiException {
        requireEmptyObject(body);
        Session s = sessions.get(keyId);
        if (s != null && s.clientId.equals(clientId)) {
            synchronized (s) {
                s.ended = true;
                sessions.remove(keyId, s);
                store.insertTombstone(keyId, clientId, s.curve, KeyState.ABORTED);
            }
            return Map.of("status", KeyState.ABORTED.name());
        }
        Optional<ShareStore.StoredKey> found = store.find(keyId);
        if (found.isEmpty()) {
            // Abort can overtake round 1 (the client gave up elsewhere): remember the keyId so it is never started.
            if (s == null && store.insertTombstone(keyId, clientId, "", KeyState.ABORTED)) {
                return Map.of("status", KeyState.ABORTED.name());
            }
            throw ApiException.notFound("no such key on this server");
        }
        ShareStore.StoredKey k = owned(clientId, keyId);
        switch (k.state()) {
            case READY:
                throw ApiException.conflict("the key is committed on this server; a committed key is never aborted");
            case PENDING:
                if (!store.transition(keyId, KeyState.PENDING, KeyState.ABORTED)) {
                    return abort(clientId, keyId, body);
                }
                return Map.of("status", KeyState.ABORTED.name());
            default:
                return Map.of("status", k.state().name());
        }
    }

    private ShareStore.StoredKey owned(String clientId, UUID keyId) throws IOException, ApiException {
        Optional<ShareStore.StoredKey> k = store.find(keyId);
        if (k.isEmpty() || !k.get().clientId().equals(clientId)) {
            throw ApiException.notFound("no such key on this server");
        }
        return k.get();
    }

    private static void requireEmptyObject(byte[] body) throws ApiException {
        ApiExchange.parse(body, EmptyRequest.class);
    }

    /** The body of commit and abort: an empty object, nothing else. */
    record EmptyRequest() {
    }

    /** Ends sessions idle longer than the TTL that never stored a share (called by the sweeper). */
    void expireIdleSessions() {
        long now = System.nanoTime();
        for (Map.Entry<UUID, Session> e : sessions.entrySet()) {
            Session s = e.getValue();
            if (now - s.lastActivity > ttl.toNanos()) {
                synchronized (s) {
                    if (!s.ended && now - s.lastActivity > ttl.toNanos()) {
                        s.ended = true;
                        sessions.remove(e.getKey(), s);
                        try {
                            store.insertTombstone(e.getKey(), s.clientId, s.curve, KeyState.EXPIRED);
                        } catch (IOException ignored) {
                            // the session is gone from memory either way; a later round gets 404
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        sessions.clear();
    }
}
