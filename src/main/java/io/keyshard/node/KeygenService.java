package io.keyshard.node;

import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.KeygenOutput;
import io.keyshard.dkg.KeygenResult;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SecretShare;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
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
    /** One client's share of the table: a client that starts sessions and walks away cannot lock the others out. */
    private static final int MAX_SESSIONS_PER_CLIENT = MAX_SESSIONS / 4;
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
        final SessionSetup setup;
        final DkgParticipant participant;
        volatile long lastActivity = System.nanoTime();
        int roundsDone;
        boolean ended;

        Session(String clientId, SessionSetup setup, DkgParticipant participant) {
            this.clientId = clientId;
            this.curve = setup.curve();
            this.setup = setup;
            this.participant = participant;
        }
    }

    /** What the store keeps public about a key: the setup it was made with and this server's signed result. */
    record PublicRecord(SessionSetup setup, KeygenResult result) {
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
            case "round1" -> round1(clientId, keyId, ApiExchange.parse(body, SessionSetup.class));
            case "round2" -> {
                Round2Request req = ApiExchange.parse(body, Round2Request.class);
                yield step(clientId, keyId, 1, s -> s.participant.round2(req));
            }
            case "round3" -> {
                Round3Request req = ApiExchange.parse(body, Round3Request.class);
                yield step(clientId, keyId, 2, s -> store(keyId, s, s.participant.round3(req)));
            }
            case "commit" -> commit(clientId, keyId, body);
            case "abort" -> abort(clientId, keyId, body);
            default -> throw ApiException.notFound("no such endpoint");
        };
    }

    private Round1Message round1(String clientId, UUID keyId, SessionSetup setup) throws IOException, ApiException {
        if (!keyId.toString().equals(setup.keyId())) {
            throw ApiException.malformed("the setup's keyId differs from the one in the path");
        }
        if (sessions.containsKey(keyId) || store.find(keyId).isPresent()) {
            throw ApiException.conflict("this keyId was already used on this server (replayed or repeated round 1)");
        }
        if (sessions.values().stream().filter(other -> other.clientId.equals(clientId)).count() >= MAX_SESSIONS_PER_CLIENT) {
            throw new ApiException(503, "BUSY", "this client has " + MAX_SESSIONS_PER_CLIENT + " key generations in "
                    + "progress on this server; finish or abort some, or wait until idle ones expire");
        }
        if (sessions.size() >= MAX_SESSIONS) {
            throw new ApiException(503, "BUSY", "too many key generations in progress; try again later");
        }
        DkgParticipant participant;
        try {
            participant = DkgParticipant.create(setup, config.name(), config.id(), identity.keys(), random);
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        }
        Session s = new Session(clientId, setup, participant);
        synchronized (s) {
            if (sessions.putIfAbsent(keyId, s) != null) {
                throw ApiException.conflict("this keyId was already used on this server (repeated round 1)");
            }
            try {
                Round1Message m = participant.round1();
                s.roundsDone = 1;
                s.lastActivity = System.nanoTime();
                return m;
            } catch (RuntimeException e) {
                sessions.remove(keyId, s);
                throw e;
            }
        }
    }

    /** A round after the first: runs {@code action} on this client's live session, which must have finished {@code after}. */
    private <T> T step(String clientId, UUID keyId, int after, SessionAction<T> action) throws IOException, ApiException {
        Session s = sessions.get(keyId);
        if (s == null || !s.clientId.equals(clientId)) {
            Optional<ShareStore.StoredKey> k = store.find(keyId);
            if (k.isEmpty() || !k.get().clientId().equals(clientId)) {
                // Sessions before round 3 live in memory only: say so, a bare "no such key" reads like a lost key.
                throw ApiException.notFound("no key generation in progress for this keyId on this server (never "
                        + "started here, or lost in a restart of the server before round 3)");
            }
            throw ApiException.conflict("this round was already answered, or the key generation ended on this server");
        }
        synchronized (s) {
            if (s.ended) {
                throw ApiException.conflict("the key generation ended on this server");
            }
            if (s.roundsDone != after) {
                throw ApiException.conflict(s.roundsDone > after ? "this round was already answered"
                        : "round " + (after + 1) + " came before round " + after);
            }
            s.lastActivity = System.nanoTime();
            try {
                T out = action.apply(s);
                s.roundsDone = after + 1;
                s.lastActivity = System.nanoTime();
                return out;
            } catch (ProtocolException e) {
                if (e.check().stateViolation()) {
                    throw ApiException.conflict(e.getMessage());
                }
                end(keyId, s, KeyState.ABORTED);
                throw ApiException.protocol(e.getMessage());
            }
        }
    }

    private interface SessionAction<T> {
        T apply(Session s) throws IOException, ApiException;
    }

    /** Seals and stores the share PENDING, durably, before the result leaves this server. */
    private KeygenResult store(UUID keyId, Session s, KeygenOutput out) throws IOException, ApiException {
        SecretShare share = out.share();
        byte[] encoded = share.encoded();
        try {
            byte[] sealed = sealer.seal(keyId, s.curve, encoded);
            String publicJson = StrictJson.mapper().writeValueAsString(new PublicRecord(s.setup, out.result()));
            if (!store.insertPending(keyId, s.clientId, s.curve, sealed, publicJson)) {
                throw ApiException.conflict("this keyId already holds a share on this server");
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal the share");
        } finally {
            Arrays.fill(encoded, (byte) 0);
            share.destroy();
        }
        s.ended = true;
        sessions.remove(keyId, s);
        return out.result();
    }

    private void end(UUID keyId, Session s, KeyState state) throws IOException {
        s.ended = true;
        s.participant.abort();
        sessions.remove(keyId, s);
        store.insertTombstone(keyId, s.clientId, s.curve, state);
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
            PublicRecord record = StrictJson.mapper().readValue(k.publicResult(), PublicRecord.class);
            out.put("setup", record.setup());
            out.put("result", record.result());
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
                if (store.commitReady(keyId)) {
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
                if (!s.ended) {
                    end(keyId, s, KeyState.ABORTED);
                    return Map.of("status", KeyState.ABORTED.name());
                }
            }
            return abort(clientId, keyId, body);
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
                        try {
                            end(e.getKey(), s, KeyState.EXPIRED);
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
