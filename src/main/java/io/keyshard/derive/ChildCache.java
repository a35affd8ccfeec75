package io.keyshard.derive;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few hundred non-hardened children derived, by parent and index: the pipeline and
 * {@code keyshard derive} walk the same account path (m/44/60/a/0) again for every index, and a
 * child is a pure function of public inputs (curve, parent key, chain code, depth, index), so a
 * remembered child is exactly the one a new derivation would give (after the first index only the
 * last step is computed). Holds public data only; bounded, least recently used first out.
 */
final class ChildCache<V> {
    private static final int CAPACITY = 512;
    private final Map<ByteBuffer, V> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, V> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The lookup key of a child: every input its derivation reads. */
    static ByteBuffer key(ExtendedPublicKey parent, byte[] encodedPoint, int index) {
        byte[] chain = parent.chainCode();
        ByteBuffer b = ByteBuffer.allocate(12 + chain.length + encodedPoint.length);
        b.putInt(parent.curve().ordinal())
                .putInt(parent.depth())
                .putInt(index)
                .put(chain)
                .put(encodedPoint);
        return b.flip();
    }

    synchronized V get(ByteBuffer key) {
        return entries.get(key);
    }

    synchronized void put(ByteBuffer key, V value) {
        entries.put(key, value);
    }
}
