package dev.orderflow.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LocalCache<String, String> cache = new LocalCache<>(Duration.ofNanos(100), 3, now::get);

    @Test
    void servesALoadedValueUntilItExpires() {
        var loads = new AtomicInteger();
        assertEquals("A", cache.get("a", k -> {
            loads.incrementAndGet();
            return "A";
        }));
        now.addAndGet(99);
        assertEquals("A", cache.get("a", k -> "B"));
        now.addAndGet(1);
        assertEquals("B", cache.get("a", k -> "B"));
        assertEquals(1, loads.get());
    }

    @Test
    void forgetsEvictedKeysAndDoesNotCacheMissingValues() {
        cache.put("a", "A");
        cache.put("b", "B");
        cache.evictAll(List.of("a"));
        assertNull(cache.get("a"));
        assertEquals("B", cache.get("b"));
        assertNull(cache.get("c", k -> null));
        assertEquals(1, cache.size());
    }

    @Test
    void neverGrowsPastItsBound() {
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, "v");
            assertTrue(cache.size() <= 3, () -> cache.size() + " entries");
        }
    }

    @Test
    void cachesNothingWithAZeroTimeToLive() {
        var off = new LocalCache<String, String>(Duration.ZERO, 10, now::get);
        off.put("a", "A");
        assertNull(off.get("a"));
    }
}
