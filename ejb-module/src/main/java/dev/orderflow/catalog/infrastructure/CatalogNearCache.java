package dev.orderflow.catalog.infrastructure;

import dev.orderflow.catalog.application.CategoryNode;
import dev.orderflow.catalog.application.ProductDetail;
import dev.orderflow.platform.cache.LocalCache;
import dev.orderflow.platform.cache.ReadAheadCache;
import dev.orderflow.platform.concurrent.PeriodicTask;
import dev.orderflow.platform.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.redisson.client.codec.StringCodec;

/**
 * The catalog reads each node serves from its own memory, in front of Redis and PostgreSQL: product pages
 * ({@code catalog.near-cache.product-ttl-ms}, 10 s), the available stock shown on them
 * ({@code catalog.near-cache.stock-ttl-ms}, 1 s), the category tree ({@code catalog.near-cache.categories-ttl-ms}, 30
 * s) and listing pages ({@code catalog.near-cache.search-ttl-ms}, 5 s; the seeds cache them in
 * {@code products:search:{hash}}, here the node's memory holds them, every one dropped on any product change).
 * <p>
 * An admin change evicts the entry on this node once committed and tells every other node through the Redis topic
 * {@code catalog:invalidations}; should a message be lost (Redis down), the time to live bounds how long a node shows
 * the old version. The stock shown on a product page is at most the stock time to live old on other nodes and exact on
 * the node that took or gave back stock (evicted after its commit). Checkout never reads from here: stock is taken
 * under row locks in PostgreSQL.
 * <p>
 * The stock of the products whose pages have been read in the last {@value #STOCK_KEPT_FOR_REFRESHES} refreshes (10 s
 * at the defaults) is loaded again every half stock time to live by one task ({@code catalog-stock-refresh}),
 * {@value #STOCK_BATCH} products per query, so a page read at least that often never waits for its stock and the
 * database answers one query per batch instead of one per product and time to live (1,000 products read in a second
 * were 1,000 queries a second).
 */
@ApplicationScoped
public class CatalogNearCache {

    private static final Logger LOG = Logger.getLogger(CatalogNearCache.class.getName());
    static final String TOPIC = "catalog:invalidations";
    private static final String CATEGORIES = "categories";
    private static final String PRODUCT = "product:";
    static final int STOCK_BATCH = 500;
    /** Refreshes (every half stock time to live: 10 s at the default 1 s) a product's stock is kept after a read. */
    static final int STOCK_KEPT_FOR_REFRESHES = 20;

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "catalog.near-cache.product-ttl-ms", defaultValue = "10000")
    long productTtlMillis;

    @Inject
    @ConfigProperty(name = "catalog.near-cache.stock-ttl-ms", defaultValue = "1000")
    long stockTtlMillis;

    @Inject
    @ConfigProperty(name = "catalog.near-cache.categories-ttl-ms", defaultValue = "30000")
    long categoriesTtlMillis;

    @Inject
    @ConfigProperty(name = "catalog.near-cache.search-ttl-ms", defaultValue = "5000")
    long searchTtlMillis;

    private LocalCache<UUID, ProductDetail> products;
    private ReadAheadCache<UUID, Long> available;
    private LocalCache<String, List<CategoryNode>> categories;
    private LocalCache<Object, Object> searches;
    private volatile boolean subscribed;
    private volatile long nextAttempt = System.nanoTime();
    private PeriodicTask stockRefresher;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    @Inject
    MetricRegistry metrics;

    private Counter hits;
    private Counter nearHits;

    @PostConstruct
    void create() {
        hits = metrics.counter("product.cache.hits");
        nearHits = metrics.counter("product.cache.near.hits");
        products = new LocalCache<>(Duration.ofMillis(productTtlMillis), 50_000);
        available = new ReadAheadCache<>(Duration.ofMillis(stockTtlMillis), 50_000, STOCK_BATCH,
                STOCK_KEPT_FOR_REFRESHES);
        categories = new LocalCache<>(Duration.ofMillis(categoriesTtlMillis), 1);
        searches = new LocalCache<>(Duration.ofMillis(searchTtlMillis), 10_000);
    }

    /**
     * A product page from memory, else from the loader (Redis, then the database). A page served from memory counts as
     * a product cache hit ({@code product.cache.hits}, with {@code product.cache.near.hits} for this layer alone).
     */
    public ProductDetail product(UUID id, Function<UUID, ProductDetail> loader) {
        subscribe();
        ProductDetail cached = products.get(id);
        if (cached != null) {
            hits.inc();
            nearHits.inc();
            return cached;
        }
        return products.get(id, loader);
    }

    public long available(UUID id, Function<UUID, Long> loader) {
        return available.get(id, loader);
    }

    /**
     * Starts loading the stock of the products being read again every half stock time to live with {@code bulkLoader}
     * (available stock by product; unknown products left out). Called once; a stock time to live of 0 turns it off.
     */
    public synchronized void refreshStockWith(Function<List<UUID>, Map<UUID, Long>> bulkLoader) {
        if (stockRefresher == null && stockTtlMillis > 0) {
            stockRefresher = PeriodicTask.start(threads, "catalog-stock-refresh", () -> Math.max(1, stockTtlMillis / 2),
                    () -> available.refresh(bulkLoader));
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (stockRefresher != null) {
            stockRefresher.stop();
        }
    }

    public List<CategoryNode> categories(Supplier<List<CategoryNode>> loader) {
        subscribe();
        return categories.get(CATEGORIES, key -> loader.get());
    }

    /** A listing page for the key (query and page), from memory or the loader. */
    @SuppressWarnings("unchecked")
    public <T> T search(Object key, Supplier<T> loader) {
        subscribe();
        return (T) searches.get(key, k -> loader.get());
    }

    /** After a committed stock change on this node. */
    public void stockChanged(Collection<UUID> productIds) {
        available.evictAll(productIds);
    }

    /** After a committed product change: here at once, on the other nodes when they hear of it. */
    public void productChanged(UUID id) {
        products.evict(id);
        available.evict(id);
        searches.clear();
        publish(PRODUCT + id);
    }

    /** After a committed change of the category tree. */
    public void categoriesChanged() {
        categories.clear();
        publish(CATEGORIES);
    }

    private void publish(String message) {
        try {
            redis.call("catalog_invalidation.publish",
                    client -> client.getTopic(TOPIC, StringCodec.INSTANCE).publish(message));
        } catch (RuntimeException e) {
            LOG.warning(() -> "catalog change not announced to other nodes (" + e
                    + "); their near caches expire it within their time to live");
        }
    }

    void received(String message) {
        if (message.equals(CATEGORIES)) {
            categories.clear();
        } else if (message.startsWith(PRODUCT)) {
            try {
                UUID id = UUID.fromString(message.substring(PRODUCT.length()));
                products.evict(id);
                available.evict(id);
                searches.clear();
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "ignored catalog invalidation " + message);
            }
        }
    }

    /**
     * Listens to other nodes' invalidations from the first read on; while Redis is down, tried again by a read at most
     * every five seconds.
     */
    private void subscribe() {
        if (subscribed || System.nanoTime() - nextAttempt < 0) {
            return;
        }
        synchronized (this) {
            if (subscribed || System.nanoTime() - nextAttempt < 0) {
                return;
            }
            nextAttempt = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            try {
                redis.client().getTopic(TOPIC, StringCodec.INSTANCE).addListener(String.class,
                        (channel, message) -> received(message));
                subscribed = true;
            } catch (RuntimeException e) {
                LOG.fine(() -> "catalog invalidations not subscribed yet: " + e);
            }
        }
    }
}
