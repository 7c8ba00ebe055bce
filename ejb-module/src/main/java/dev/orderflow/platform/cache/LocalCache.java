package dev.orderflow.platform.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small in-memory cache of one node: entries expire a fixed time after they were loaded, and the whole cache is
 * cleared when it would grow past its bound (a crude but allocation-free policy that suits hot sets far smaller than
 * the bound). Thread-safe; two threads missing the same key at once may both load it. It sits in front of the shared
 * stores, never replaces them: whatever it holds can be evicted or lost at any time.
 */
public final class LocalCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long timeToLiveNanos;
    private final int maxEntries;
    private final LongSupplier clock;

    public LocalCache(Duration timeToLive, int maxEntries) {
        this(timeToLive, maxEntries, System::nanoTime);
    }

    LocalCache(Duration timeToLive, int maxEntries, LongSupplier clock) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The cached value, or null when absent or expired. */
    public V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** The cached value, or the loader's (cached unless null). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        V value = get(key);
        if (value == null) {
            value = loader.apply(key);
            if (value != null) {
                put(key, value);
            }
        }
        return value;
    }

    public void put(K key, V value) {
        if (timeToLiveNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, clock.getAsLong() + timeToLiveNanos));
    }

    public void evict(K key) {
        entries.remove(key);
    }

    public void evictAll(Collection<? extends K> keys) {
        keys.forEach(entries::remove);
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
