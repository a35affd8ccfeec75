package io.keyshard.node;

import io.keyshard.frost.SigningNonces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The secret state of the signings between their rounds (FROST nonces, or a DKLs23 signer with its nonce
 * and OT seeds), in memory only (never written, gone on a restart), each bound to its request and spent at
 * most once per round: {@link #take} removes an entry atomically, so of two concurrent requests for one
 * round one gets the state and the other nothing; a multi-round scheme puts it back with {@link #add}
 * once its answer is computed. Whoever takes an entry out destroys its state, and nobody else: two requests
 * that each believed the state theirs would wipe it at once from two threads. Bounded globally and per
 * client like the key generation sessions, and expired after a fixed time counted from round 1.
 */
final class NonceTable {
    static final Duration TTL = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 1000;
    static final int MAX_PER_CLIENT = MAX_ENTRIES / 4;

    private final Map<UUID, Entry> live = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final Duration ttl;

    /** A signer's secret state between rounds: wiped when spent, refused, aborted or expired. */
    interface State {
        void destroy();
    }

    /** FROST's round-1 nonces. */
    record FrostState(SigningNonces nonces) implements State {
        @Override
        public void destroy() {
            nonces.destroy();
        }
    }

    /**
     * One signer's state: whose request it answered, the key and request it is bound to (the request hash
     * covers signId, keyId, path, tweak, message hash and signer set) and the secret state.
     */
    record Entry(String clientId, UUID keyId, byte[] requestHash, State state, long createdNanos) {
        /** The FROST nonces, or null when this is another scheme's state. */
        SigningNonces nonces() {
            return state instanceof FrostState f ? f.nonces() : null;
        }
    }

    NonceTable() {
        this(System::nanoTime, TTL);
    }

    /** A table with its own clock and lifetime, for tests. */
    NonceTable(LongSupplier clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new FROST entry stamped now. */
    Entry entry(String clientId, UUID keyId, byte[] requestHash, SigningNonces nonces) {
        return entry(clientId, keyId, requestHash, new FrostState(nonces));
    }

    /** A new entry stamped now. */
    Entry entry(String clientId, UUID keyId, byte[] requestHash, State state) {
        return new Entry(clientId, keyId, requestHash.clone(), state, clock.getAsLong());
    }

    /** The live entry of {@code signId}, left in place: to pick how to read a request, never to use its state. */
    Entry peek(UUID signId) {
        return live.get(signId);
    }

    boolean contains(UUID signId) {
        return live.containsKey(signId);
    }

    /** Why {@code clientId} cannot start another signing now, or null when it can. */
    String quotaProblem(String clientId) {
        long mine = live.values().stream()
                .filter(e -> e.clientId().equals(clientId))
                .count();
        if (mine >= MAX_PER_CLIENT) {
            return "this client has " + MAX_PER_CLIENT + " signings waiting for their next round on this server; "
                    + "finish or abort some, or wait until they expire";
        }
        if (live.size() >= MAX_ENTRIES) {
            return "too many signings in progress; try again later";
        }
        return null;
    }

    /**
     * Adds the entry unless the signId is live; false (and the caller destroys the state) when it was. Also
     * puts a taken entry back for its next round.
     */
    boolean add(UUID signId, Entry e) {
        return live.putIfAbsent(signId, e) == null;
    }

    /**
     * Removes and returns the entry of {@code signId} if {@code clientId} made it; null otherwise. Atomic: an
     * entry is handed out once. The caller checks {@link #isExpired} and destroys the state when done.
     */
    Entry take(UUID signId, String clientId) {
        Entry e = live.get(signId);
        if (e == null || !e.clientId().equals(clientId) || !live.remove(signId, e)) {
            return null;
        }
        return e;
    }

    /**
     * Removes {@code e} if it is still the live entry of {@code signId}: true when this call removed it, and the
     * caller then destroys its state; false when another request took it out first (that one destroys it).
     */
    boolean remove(UUID signId, Entry e) {
        return live.remove(signId, e);
    }

    /** True when the entry is older than the table's lifetime: its nonces must not sign. */
    boolean isExpired(Entry e) {
        return expired(e, clock.getAsLong());
    }

    /** Removes every expired entry, destroying its state; returns the signIds removed (for the audit). */
    List<UUID> expire() {
        long now = clock.getAsLong();
        List<UUID> out = new ArrayList<>();
        for (Map.Entry<UUID, Entry> me : live.entrySet()) {
            Entry e = me.getValue();
            if (expired(e, now) && live.remove(me.getKey(), e)) {
                e.state().destroy();
                out.add(me.getKey());
            }
        }
        return out;
    }

    private boolean expired(Entry e, long now) {
        return now - e.createdNanos() > ttl.toNanos();
    }

    int size() {
        return live.size();
    }

    /** Destroys every state (the node is stopping). */
    void clear() {
        for (UUID id : List.copyOf(live.keySet())) {
            Entry e = live.remove(id);
            if (e != null) {
                e.state().destroy();
            }
        }
    }
}
