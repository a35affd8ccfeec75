package io.keyshard.node;

import io.keyshard.dkg.DkgParticipant;
import io.keyshard.dkg.SessionSetup;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The key generations a node runs before round 3, in memory only, with a global quota and a
 * per-client quota so one client that starts sessions and walks away cannot lock the others out.
 */
final class SessionTable {
    static final int MAX_SESSIONS = 1000;
    static final int MAX_SESSIONS_PER_CLIENT = MAX_SESSIONS / 4;
    private final Map<UUID, LiveKeygen> live = new ConcurrentHashMap<>();

    /** A key generation before its share is stored. Guarded by its own monitor. */
    static final class LiveKeygen {
        final String clientId;
        final String curve;
        final SessionSetup setup;
        final DkgParticipant participant;
        volatile long lastActivity = System.nanoTime();
        int roundsDone;
        boolean ended;

        LiveKeygen(String clientId, SessionSetup setup, DkgParticipant participant) {
            this.clientId = clientId;
            // The canonical API name, never the client's spelling: it is sealed into the share's binding,
            // stored in a bounded column and answered in the key's status.
            this.curve = participant.session().curveName().apiName();
            this.setup = setup;
            this.participant = participant;
        }

        void touch() {
            lastActivity = System.nanoTime();
        }
    }

    boolean contains(UUID keyId) {
        return live.containsKey(keyId);
    }

    /** The live key generation of {@code keyId}, or null. */
    LiveKeygen get(UUID keyId) {
        return live.get(keyId);
    }

    /** The live key generation of {@code keyId} when {@code clientId} started it, else null. */
    LiveKeygen owned(String clientId, UUID keyId) {
        LiveKeygen s = live.get(keyId);
        return s != null && s.clientId.equals(clientId) ? s : null;
    }

    /** Why a new key generation of {@code clientId} cannot start now, or null when it can. */
    String quotaProblem(String clientId) {
        if (live.values().stream()
                        .filter(other -> other.clientId.equals(clientId))
                        .count()
                >= MAX_SESSIONS_PER_CLIENT) {
            return "this client has " + MAX_SESSIONS_PER_CLIENT + " key generations in progress on this server; "
                    + "finish or abort some, or wait until idle ones expire";
        }
        if (live.size() >= MAX_SESSIONS) {
            return "too many key generations in progress; try again later";
        }
        return null;
    }

    /** Adds {@code s} unless {@code keyId} is already live; false when it was. */
    boolean add(UUID keyId, LiveKeygen s) {
        return live.putIfAbsent(keyId, s) == null;
    }

    void remove(UUID keyId, LiveKeygen s) {
        live.remove(keyId, s);
    }

    /** Calls {@code expire} (under the session's monitor) for every session idle longer than {@code ttl}. */
    void expireIdle(Duration ttl, BiConsumer<UUID, LiveKeygen> expire) {
        long now = System.nanoTime();
        for (Map.Entry<UUID, LiveKeygen> e : live.entrySet()) {
            LiveKeygen s = e.getValue();
            if (now - s.lastActivity > ttl.toNanos()) {
                synchronized (s) {
                    if (!s.ended && now - s.lastActivity > ttl.toNanos()) {
                        expire.accept(e.getKey(), s);
                    }
                }
            }
        }
    }

    void clear() {
        live.clear();
    }
}
