package dev.orderflow.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReadAheadCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final ReadAheadCache<String, Long> cache = new ReadAheadCache<>(Duration.ofNanos(100), 10_000, 3, 2,
            now::get);
    private final List<List<String>> bulkLoads = new ArrayList<>();

    private static final Function<String, Long> NO_SINGLE_LOAD = key -> fail("loaded " + key + " on its own");

    @Test
    void aKeyReadSteadilyIsLoadedAgainInBulkAndNeverExpiresForItsReaders() {
        assertEquals(1L, cache.get("a", key -> 1L));
        for (long value = 2; value < 6; value++) {
            now.addAndGet(50);
            assertEquals(value - 1, cache.get("a", NO_SINGLE_LOAD)); // read within the time to live: a hit
            long next = value;
            assertEquals(1, cache.refresh(keys -> bulk(keys, next)));
        }
        now.addAndGet(99); // loaded 0 ns ago, less than the time to live
        assertEquals(5L, cache.get("a", NO_SINGLE_LOAD));
    }

    @Test
    void aKeyReadOnceIsLoadedAgainByTheNextRefreshesItIsKeptForThenLeftToExpire() {
        cache.get("a", key -> 1L);
        assertEquals(1, cache.refresh(keys -> bulk(keys, 2L)), "read since the last refresh");
        now.addAndGet(60);
        assertEquals(1, cache.refresh(keys -> bulk(keys, 3L)), "not read since, but read within the last two");
        now.addAndGet(60); // 120 ns after the first load: alive only because the second refresh loaded it again
        assertEquals(3L, cache.get("a", NO_SINGLE_LOAD));
        assertEquals(1, cache.refresh(keys -> bulk(keys, 4L)), "read again, kept for two more");
        assertEquals(1, cache.refresh(keys -> bulk(keys, 5L)));
        assertEquals(0, cache.refresh(keys -> bulk(keys, 6L)), "two refreshes without a read: dropped");
        now.addAndGet(100);
        assertEquals(9L, cache.get("a", key -> 9L), "expired, loaded by its reader");
    }

    @Test
    void aClearForgetsTheKeysReadBeforeIt() {
        cache.get("a", key -> 1L);
        cache.clear();
        assertEquals(0, cache.refresh(keys -> fail("nothing was read since the clear")));
    }

    @Test
    void loadsAtMostABatchOfKeysPerCallOfTheLoader() {
        for (int i = 0; i < 7; i++) {
            cache.get("k" + i, key -> 0L);
        }
        assertEquals(7, cache.refresh(keys -> bulk(keys, 1L)));
        assertEquals(List.of(3, 3, 1), bulkLoads.stream().map(List::size).toList());
    }

    @Test
    void aKeyTheLoaderNoLongerKnowsIsEvicted() {
        cache.get("gone", key -> 1L);
        cache.refresh(keys -> Map.of());
        assertEquals(7L, cache.get("gone", key -> 7L));
    }

    @Test
    void aKeyEvictedWhileItsBatchLoadsIsNotPutBackWithTheOlderValue() {
        cache.get("a", key -> 1L);
        cache.get("b", key -> 1L);
        cache.refresh(keys -> {
            var loaded = bulk(keys, 2L); // read before the change...
            cache.evict("a"); // ...committed, then evicted, while the batch is still loading
            return loaded;
        });
        assertEquals(3L, cache.get("a", key -> 3L), "the next reader loads the changed value");
        assertEquals(2L, cache.get("b", NO_SINGLE_LOAD));
    }

    @Test
    void aClearDuringARefreshStopsItPuttingValues() {
        cache.get("a", key -> 1L);
        cache.refresh(keys -> {
            cache.clear();
            return bulk(keys, 2L);
        });
        assertEquals(0, cache.size());
        assertEquals(0, cache.refresh(keys -> fail("nothing was read since the clear")));
        cache.get("a", key -> 4L);
        assertTrue(cache.refresh(keys -> bulk(keys, 5L)) == 1 && cache.get("a", NO_SINGLE_LOAD) == 5L,
                "refreshes again once read");
    }

    private Map<String, Long> bulk(List<String> keys, long value) {
        bulkLoads.add(List.copyOf(keys));
        var loaded = new HashMap<String, Long>();
        keys.forEach(key -> loaded.put(key, value));
        return loaded;
    }
}
