package dev.orderflow.platform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A {@link LocalCache} whose keys read since the last {@link #refresh} are loaded again together, a batch at a time, by
 * the next one. Called every half time to live, it keeps every key that is being read from ever expiring, so readers
 * never load it one by one; keys nobody reads are left to expire. A value is at most the time to live old, as in the
 * plain cache.
 * <p>
 * A key evicted while a refresh is loading it (a change committed meanwhile) is not put back with the value loaded
 * before the change: the next reader loads it. {@code refresh} runs on one thread at a time.
 */
public final class ReadAheadCache<K, V> {

    private final LocalCache<K, V> cache;
    private final int batchSize;
    private final Set<K> read = ConcurrentHashMap.newKeySet();
    private final Object evictions = new Object();
    private final Set<K> evictedDuringRefresh = new HashSet<>(); // guarded by evictions
    private boolean refreshing; // guarded by evictions
    private boolean clearedDuringRefresh; // guarded by evictions

    public ReadAheadCache(Duration timeToLive, int maxEntries, int batchSize) {
        this(new LocalCache<>(timeToLive, maxEntries), batchSize);
    }

    ReadAheadCache(Duration timeToLive, int maxEntries, int batchSize, LongSupplier clock) {
        this(new LocalCache<>(timeToLive, maxEntries, clock), batchSize);
    }

    private ReadAheadCache(LocalCache<K, V> cache, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.cache = cache;
        this.batchSize = batchSize;
    }

    /** The cached value, or the loader's (cached unless null); either way the key is refreshed by the next refresh. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        V value = cache.get(key, loader);
        if (value != null && !read.contains(key)) { // a read lookup on every page; the write only once per refresh
            read.add(key);
        }
        return value;
    }

    /**
     * Loads every key read since the last call again, {@code batchSize} keys per call of the loader; a key the loader
     * leaves out is evicted.
     *
     * @return the number of keys loaded again
     */
    public synchronized int refresh(Function<? super List<K>, ? extends Map<K, ? extends V>> bulkLoader) {
        if (read.isEmpty()) {
            return 0;
        }
        List<K> keys = new ArrayList<>(read);
        read.removeAll(keys); // a key read again from here on is refreshed next time
        synchronized (evictions) {
            refreshing = true;
        }
        try {
            for (int from = 0; from < keys.size(); from += batchSize) {
                List<K> batch = keys.subList(from, Math.min(keys.size(), from + batchSize));
                Map<K, ? extends V> loaded = bulkLoader.apply(batch);
                synchronized (evictions) {
                    if (clearedDuringRefresh) {
                        break;
                    }
                    for (K key : batch) {
                        V value = loaded.get(key);
                        if (value == null) {
                            cache.evict(key);
                        } else if (!evictedDuringRefresh.contains(key)) {
                            cache.put(key, value);
                        }
                    }
                }
            }
        } finally {
            synchronized (evictions) {
                refreshing = false;
                clearedDuringRefresh = false;
                evictedDuringRefresh.clear();
            }
        }
        return keys.size();
    }

    public void evict(K key) {
        synchronized (evictions) {
            if (refreshing) {
                evictedDuringRefresh.add(key);
            }
            cache.evict(key);
        }
    }

    public void evictAll(Collection<? extends K> keys) {
        synchronized (evictions) {
            if (refreshing) {
                evictedDuringRefresh.addAll(keys);
            }
            cache.evictAll(keys);
        }
    }

    public void clear() {
        synchronized (evictions) {
            clearedDuringRefresh = refreshing;
            read.clear();
            cache.clear();
        }
    }

    public int size() {
        return cache.size();
    }
}
