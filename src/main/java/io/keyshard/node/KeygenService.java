package io.keyshard.node;

import io.keyshard.dkg.AbortProof;
import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.ProtocolException;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Output;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SecretShare;
import io.keyshard.dkg.Session;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.dkg.ShareContext;
import io.keyshard.json.StrictJson;
import io.keyshard.node.SessionTable.LiveKeygen;
import io.keyshard.wire.AbortAnswer;
import io.keyshard.wire.KeyState;
import io.keyshard.wire.KeyStatusAnswer;
import io.keyshard.wire.StateAnswer;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The node's side of key generations: sessions before round 3 live in memory (and expire when
 * idle); from round 3 on the share is in the {@link ShareStore}, PENDING until commit, and only an
 * explicit abort removes it. Every keyId belongs to the client that started it; to any other
 * client it does not exist (404).
 */
final class KeygenService implements AutoCloseable {
    /** A PENDING key leaves PENDING at most once, so a third read of its state is always final. */
    private static final int STATE_READS = 3;

    private final NodeConfig config;
    private final NodeIdentity identity;
    private final ShareStore store;
    private final ShareSealer sealer;
    private final Duration ttl;
    private final SecureRandom random;
    private final PeerRoster peers;
    private final SessionTable sessions = new SessionTable();

    /** What the store keeps public about a key: the setup it was made with and this server's signed round-3 message. */
    record PublicResult(SessionSetup setup, Round3Message result) {}

    KeygenService(
            NodeConfig config,
            NodeIdentity identity,
            ShareStore store,
            ShareSealer sealer,
            Duration ttl,
            SecureRandom random,
            PeerRoster peers) {
        this.peers = peers;
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
        if (sessions.contains(keyId) || store.find(keyId).isPresent()) {
            throw ApiException.conflict("this keyId was already used on this server (replayed or repeated round 1)");
        }
        String busy = sessions.quotaProblem(clientId);
        if (busy != null) {
            throw new ApiException(503, "BUSY", busy);
        }
        DkgParticipant participant;
        try {
            participant = DkgParticipant.create(setup, config.name(), config.id(), identity.keys(), random);
        } catch (IllegalArgumentException e) {
            throw ApiException.malformed(e.getMessage());
        }
        Optional<String> refusal = peers.refusal(setup, config.name());
        if (refusal.isPresent()) {
            participant.abort();
            throw ApiException.conflict(refusal.get());
        }
        LiveKeygen s = new LiveKeygen(clientId, setup, participant);
        synchronized (s) {
            if (!sessions.add(keyId, s)) {
                throw ApiException.conflict("this keyId was already used on this server (repeated round 1)");
            }
            if (store.find(keyId).isPresent()) {
                // An abort overtook this round 1 between the first check and now: it left its tombstone.
                s.ended = true;
                participant.abort();
                sessions.remove(keyId, s);
                throw ApiException.conflict("this keyId was aborted on this server before its round 1 ran");
            }
            try {
                Round1Message m = participant.round1();
                s.roundsDone = 1;
                s.touch();
                return m;
            } catch (RuntimeException e) {
                sessions.remove(keyId, s);
                throw e;
            }
        }
    }

    /** A round after the first: runs {@code action} on this client's live session, which must have finished {@code after}. */
    private <T> T step(String clientId, UUID keyId, int after, SessionAction<T> action)
            throws IOException, ApiException {
        LiveKeygen s = sessions.owned(clientId, keyId);
        if (s == null) {
            Optional<ShareStore.Row> k = store.find(keyId);
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
                throw ApiException.conflict(
                        s.roundsDone > after
                                ? "this round was already answered"
                                : "round " + (after + 1) + " came before round " + after);
            }
            s.touch();
            try {
                T out = action.apply(s);
                s.roundsDone = after + 1;
                s.touch();
                return out;
            } catch (ProtocolException e) {
                if (e.check().stateViolation()) {
                    throw ApiException.conflict(e.getMessage());
                }
                end(keyId, s, KeyState.ABORTED);
                throw ApiException.blaming(
                        config.id(), e.culpritId(), e.culpritName(), e.check().name(), false, e.getMessage());
            }
        }
    }

    private interface SessionAction<T> {
        T apply(LiveKeygen s) throws IOException, ApiException;
    }

    /** Seals and stores the share PENDING, durably, before the result leaves this server. */
    private Round3Message store(UUID keyId, LiveKeygen s, Round3Output out) throws IOException, ApiException {
        SecretShare share = out.share();
        byte[] encoded = share.encoded();
        try {
            byte[] sealed = sealer.seal(keyId, s.curve, ShareContext.bindingHash(out.message()), encoded);
            String publicJson = StrictJson.mapper().writeValueAsString(new PublicResult(s.setup, out.message()));
            if (!store.insertPending(keyId, s.clientId, s.curve, sealed, publicJson)) {
                throw ApiException.conflict("this keyId already holds a share on this server");
            }
        } finally {
            Arrays.fill(encoded, (byte) 0);
            share.destroy();
        }
        s.ended = true;
        sessions.remove(keyId, s);
        return out.message();
    }

    private void end(UUID keyId, LiveKeygen s, KeyState state) throws IOException {
        s.ended = true;
        s.participant.abort();
        sessions.remove(keyId, s);
        store.insertTombstone(keyId, s.clientId, s.curve, state);
    }

    /** Status and public data of a key this client owns. */
    KeyStatusAnswer status(String clientId, UUID keyId) throws IOException, ApiException {
        LiveKeygen s = sessions.owned(clientId, keyId);
        if (s != null) {
            synchronized (s) {
                return KeyStatusAnswer.inProgress(s.curve, s.roundsDone);
            }
        }
        ShareStore.Row k = owned(clientId, keyId);
        if (k.publicResult() == null) {
            return KeyStatusAnswer.stored(k.state(), k.curve(), null, null);
        }
        PublicResult record = StrictJson.mapper().readValue(k.publicResult(), PublicResult.class);
        return KeyStatusAnswer.stored(k.state(), k.curve(), record.setup(), record.result());
    }

    private StateAnswer commit(String clientId, UUID keyId, byte[] body) throws IOException, ApiException {
        if (sessions.owned(clientId, keyId) != null) {
            throw ApiException.conflict("the key generation has not reached round 3 on this server");
        }
        for (int read = 0; read < STATE_READS; read++) {
            ShareStore.Row k = owned(clientId, keyId);
            switch (k.state()) {
                case READY:
                    CommitChecks.parse(body); // committed already: nothing left to prove
                    return new StateAnswer(KeyState.READY);
                case PENDING:
                    CommitChecks.verify(k, CommitChecks.parse(body), peers, config.name());
                    if (store.commitReady(keyId)) {
                        return new StateAnswer(KeyState.READY);
                    }
                    break; // an abort or another commit won the race: read the state it left
                default:
                    throw ApiException.conflict("the key generation was "
                            + k.state().name().toLowerCase(Locale.ROOT) + " on this server and cannot be committed");
            }
        }
        throw new IllegalStateException("the key's state kept changing");
    }

    private AbortAnswer abort(String clientId, UUID keyId, byte[] body) throws IOException, ApiException {
        AbortChecks.Proof proof = AbortChecks.proof(body);
        for (int read = 0; read < STATE_READS; read++) {
            LiveKeygen s = sessions.get(keyId);
            if (s != null && s.clientId.equals(clientId)) {
                synchronized (s) {
                    if (!s.ended) {
                        end(keyId, s, KeyState.ABORTED);
                        return abortedWithout(
                                KeyState.ABORTED, keyId, Session.of(s.setup).sessionId());
                    }
                }
                continue; // it stored its share or ended meanwhile: read the store
            }
            Optional<ShareStore.Row> found = store.find(keyId);
            if (found.isEmpty()) {
                // Abort can overtake round 1 (the client gave up elsewhere): remember the keyId so it is never started.
                if (s == null && store.insertTombstone(keyId, clientId, "", KeyState.ABORTED)) {
                    endLateRound1(clientId, keyId);
                    return abortedWithout(KeyState.ABORTED, keyId, null);
                }
                throw ApiException.notFound("no such key on this server");
            }
            ShareStore.Row k = owned(clientId, keyId);
            switch (k.state()) {
                case READY:
                    throw ApiException.conflict(
                            "the key is committed on this server; a committed key is never aborted");
                case PENDING:
                    if (k.publicResult() != null) {
                        AbortChecks.verify(k, proof, peers, config);
                    }
                    if (store.transition(keyId, KeyState.PENDING, KeyState.ABORTED)) {
                        return abortedWithout(KeyState.ABORTED, keyId, null);
                    }
                    break; // a commit won the race: read the state it left
                default:
                    // Ended without a share: aborted before round 3, on a proof, or expired before it.
                    return abortedWithout(k.state(), keyId, null);
            }
        }
        throw new IllegalStateException("the key's state kept changing");
    }

    /**
     * Ends a round 1 that registered its session after this abort looked for one but checked the store before the
     * tombstone went in; a round 1 registering later sees the tombstone itself. Either way no session outlives an
     * abort the client was told succeeded.
     */
    private void endLateRound1(String clientId, UUID keyId) throws IOException {
        LiveKeygen late = sessions.get(keyId);
        if (late != null && late.clientId.equals(clientId)) {
            synchronized (late) {
                if (!late.ended) {
                    end(keyId, late, KeyState.ABORTED);
                }
            }
        }
    }

    /** {@code state}, with this server's signed word that it holds no share of the key ({@link AbortProof}). */
    private AbortAnswer abortedWithout(KeyState state, UUID keyId, byte[] sessionId) {
        return new AbortAnswer(state, AbortProof.sign(identity.keys(), keyId.toString(), config.id(), sessionId));
    }

    private ShareStore.Row owned(String clientId, UUID keyId) throws IOException, ApiException {
        Optional<ShareStore.Row> k = store.find(keyId);
        if (k.isEmpty() || !k.get().clientId().equals(clientId)) {
            throw ApiException.notFound("no such key on this server");
        }
        return k.get();
    }

    /** The body of a signing abort: an empty object, nothing else. */
    record EmptyRequest() {}

    /** Ends sessions idle longer than the TTL that never stored a share (called by the sweeper). */
    void expireIdleSessions() {
        sessions.expireIdle(ttl, (keyId, s) -> {
            try {
                end(keyId, s, KeyState.EXPIRED);
            } catch (IOException ignored) {
                // the session is gone from memory either way; a later round gets 404
            }
        });
    }

    @Override
    public void close() {
        sessions.clear();
    }
}
