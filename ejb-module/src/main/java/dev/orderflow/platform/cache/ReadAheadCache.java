package dev.orderflow.platform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A {@link LocalCache} whose keys are loaded again together, a batch at a time, by each of the {@code keepFor} calls of
 * {@link #refresh} after they were last read. Called every half time to live, it keeps every key that is being read
 * from ever expiring, so readers never load it one by one; a key nobody has read for {@code keepFor} refreshes is left
 * to expire. A value is at most the time to live old, as in the plain cache.
 * <p>
 * Why more than the next refresh: with only the keys read since the last refresh loaded again, a key read a few times a
 * second was missed by a refresh whenever half a second passed without a read of it, and expired before the next: 1,000
 * products read at random 5,000 times a second made about 150 single loads a second (an EJB call and a query each), a
 * seventh of the node's CPU on the product page.
 * <p>
 * A key evicted while a refresh is loading it (a change committed meanwhile) is not put back with the value loaded
 * before the change: the next reader loads it. {@code refresh} runs on one thread at a time.
 */
public final class ReadAheadCache<K, V> {

    private final LocalCache<K, V> cache;
    private final int batchSize;
    private final int keepFor;
    private final Set<K> read = ConcurrentHashMap.newKeySet();
    private final Map<K, Integer> refreshesLeft = new HashMap<>(); // guarded by this
    private final Object evictions = new Object();
    private final Set<K> evictedDuringRefresh = new HashSet<>(); // guarded by evictions
    private boolean refreshing; // guarded by evictions
    private boolean clearedDuringRefresh; // guarded by evictions
    private boolean clearedSinceRefresh; // guarded by evictions

    public ReadAheadCache(Duration timeToLive, int maxEntries, int batchSize, int keepFor) {
        this(new LocalCache<>(timeToLive, maxEntries), batchSize, keepFor);
    }

    ReadAheadCache(Duration timeToLive, int maxEntries, int batchSize, int keepFor, LongSupplier clock) {
        this(new LocalCache<>(timeToLive, maxEntries, clock), batchSize, keepFor);
    }

    private ReadAheadCache(LocalCache<K, V> cache, int batchSize, int keepFor) {
        if (batchSize < 1 || keepFor < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + ", refreshes kept " + keepFor);
        }
        this.cache = cache;
        this.batchSize = batchSize;
        this.keepFor = keepFor;
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
     * Loads every key read within the last {@code keepFor} calls again, {@code batchSize} keys per call of the loader;
     * a key the loader leaves out is evicted.
     *
     * @return the number of keys loaded again
     */
    public synchronized int refresh(Function<? super List<K>, ? extends Map<K, ? extends V>> bulkLoader) {
        synchronized (evictions) {
            if (clearedSinceRefresh) { // forget what was read before the clear
                refreshesLeft.clear();
                clearedSinceRefresh = false;
            }
        }
        List<K> justRead = new ArrayList<>(read);
        read.removeAll(justRead); // a key read again from here on counts for the next call
        justRead.forEach(key -> refreshesLeft.put(key, keepFor));
        if (refreshesLeft.isEmpty()) {
            return 0;
        }
        List<K> keys = new ArrayList<>(refreshesLeft.keySet());
        refreshesLeft.replaceAll((key, left) -> left - 1);
        refreshesLeft.values().removeIf(left -> left <= 0);
        synchronized (evictions) {
            refreshing = true;
        }
        try {
            for (int from = 0; from < keys.size(); from += batchSize) {
                List<K> batch = keys.subList(from, Math.min(keys.size(), from + batchSize));
                Map<K, ? extends V> loaded = bulkLoader.apply(batch);
                synchronized (evictions) {
                    if (clearedDuringRefresh) {
                        refreshesLeft.clear();
                        break;
                    }
                    for (K key : batch) {
                        V value = loaded.get(key);
                        if (value == null) {
                            cache.evict(key);
                            refreshesLeft.remove(key);
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
            clearedSinceRefresh = !refreshing;
            read.clear();
            cache.clear();
        }
    }

    public int size() {
        return cache.size();
    }
}
