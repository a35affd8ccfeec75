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
 * The FROST nonces of the signings between round 1 and round 2, in memory only (never written, gone on a
 * restart), each bound to its request and spent at most once: {@link #take} removes an entry atomically,
 * so of two concurrent round 2s one gets the nonces and the other nothing. Bounded globally and per
 * client like the key generation sessions, and expired after a fixed time.
 */
final class NonceTable {
    static final Duration TTL = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 1000;
    static final int MAX_PER_CLIENT = MAX_ENTRIES / 4;

    private final Map<UUID, Entry> live = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final Duration ttl;

    /**
     * One signer's round-1 state: whose request it answered, the key and request it is bound to (the
     * request hash covers signId, keyId, path, tweak, message hash and signer set) and the nonces.
     */
    record Entry(String clientId, UUID keyId, byte[] requestHash, SigningNonces nonces, long createdNanos) {}

    NonceTable() {
        this(System::nanoTime, TTL);
    }

    /** A table with its own clock and lifetime, for tests. */
    NonceTable(LongSupplier clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new entry stamped now. */
    Entry entry(String clientId, UUID keyId, byte[] requestHash, SigningNonces nonces) {
        return new Entry(clientId, keyId, requestHash.clone(), nonces, clock.getAsLong());
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
            return "this client has " + MAX_PER_CLIENT + " signings waiting for round 2 on this server; "
                    + "finish or abort some, or wait until they expire";
        }
        if (live.size() >= MAX_ENTRIES) {
            return "too many signings in progress; try again later";
        }
        return null;
    }

    /** Adds the entry unless the signId is live; false (and the caller destroys the nonces) when it was. */
    boolean add(UUID signId, Entry e) {
        return live.putIfAbsent(signId, e) == null;
    }

    /**
     * Removes and returns the entry of {@code signId} if {@code clientId} made it; null otherwise. Atomic: an
     * entry is handed out once. The caller checks {@link #isExpired} and destroys the nonces when done.
     */
    Entry take(UUID signId, String clientId) {
        Entry e = live.get(signId);
        if (e == null || !e.clientId().equals(clientId) || !live.remove(signId, e)) {
            return null;
        }
        return e;
    }

    /** True when the entry is older than the table's lifetime: its nonces must not sign. */
    boolean isExpired(Entry e) {
        return expired(e, clock.getAsLong());
    }

    /** Removes every expired entry, destroying its nonces; returns the signIds removed (for the audit). */
    List<UUID> expire() {
        long now = clock.getAsLong();
        List<UUID> out = new ArrayList<>();
        for (Map.Entry<UUID, Entry> me : live.entrySet()) {
            Entry e = me.getValue();
            if (expired(e, now) && live.remove(me.getKey(), e)) {
                e.nonces().destroy();
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

    /** Destroys every nonce (the node is stopping). */
    void clear() {
        for (UUID id : List.copyOf(live.keySet())) {
            Entry e = live.remove(id);
            if (e != null) {
                e.nonces().destroy();
            }
        }
    }
}
