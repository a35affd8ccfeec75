package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A value is found only for the exact text it was worked out from, and the least recently used goes first. */
class ByStoredTextTest {
    @Test
    void aHitNeedsTheSameTextAndTheEldestIsDropped() {
        ByStoredText<String> cache = new ByStoredText<>(2);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        cache.put(a, "{\"v\":1}", "one");
        assertEquals("one", cache.get(a, "{\"v\":1}"));
        assertNull(cache.get(a, "{\"v\":2}"), "a changed row misses");
        cache.put(b, "b", "two");
        cache.get(a, "{\"v\":1}");
        cache.put(c, "c", "three");
        assertNull(cache.get(b, "b"), "the least recently used left");
        assertEquals("one", cache.get(a, "{\"v\":1}"));
        assertEquals("three", cache.get(c, "c"));
    }
}
