package io.keyshard.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Values worked out from a key's stored public text (its public result), remembered by keyId together with
 * the exact text they came from: a hit needs the same text, so a changed row misses and is worked out again.
 * For pure functions of public data only; bounded, least recently used first out; thread-safe.
 */
final class ByStoredText<V> {
    private record Entry<V>(String text, V value) {}

    private final Map<UUID, Entry<V>> entries;

    ByStoredText(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value remembered for {@code keyId} from exactly {@code text}, or null. */
    synchronized V get(UUID keyId, String text) {
        Entry<V> hit = entries.get(keyId);
        return hit != null && hit.text().equals(text) ? hit.value() : null;
    }

    synchronized void put(UUID keyId, String text, V value) {
        entries.put(keyId, new Entry<>(text, value));
    }
}
