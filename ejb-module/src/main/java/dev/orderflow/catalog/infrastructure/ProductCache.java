package dev.orderflow.catalog.infrastructure;

import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.catalog.application.ProductDetail;
import dev.orderflow.platform.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Cache-aside for product pages in Redis ({@code product:{id}}, 1 hour as in the seeds). A slow or failing Redis is cut
 * off by a timeout and a circuit breaker and the product is read from the database; the cache never fails a request.
 * Hits and misses are counted, with their ratio as a gauge.
 */
@ApplicationScoped
public class ProductCache {

    static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    @Inject
    RedisConnection redis;

    @Inject
    MetricRegistry metrics;

    private final Jsonb jsonb = JsonFactory.jsonb();
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void registerMeters() {
        hits = metrics.counter("product.cache.hits");
        misses = metrics.counter("product.cache.misses");
    }

    @Timeout(500)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "unreachable")
    public Optional<ProductDetail> get(UUID id) {
        String json = redis.call("product_cache.get", client -> bucket(client, id).get());
        if (json == null) {
            misses.inc();
            return Optional.empty();
        }
        hits.inc();
        return Optional.of(jsonb.fromJson(json, ProductDetail.class));
    }

    @Timeout(500)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "notStored")
    public void put(ProductDetail product) {
        String json = jsonb.toJson(product);
        redis.call("product_cache.put", client -> {
            bucket(client, product.id()).set(json, TIME_TO_LIVE);
            return null;
        });
    }

    @Timeout(500)
    @Fallback(fallbackMethod = "notEvicted")
    public void evict(UUID id) {
        redis.call("product_cache.evict", client -> bucket(client, id).delete());
    }

    @Gauge(name = "product.cache.hit.ratio", absolute = true, unit = MetricUnits.NONE, description = "Share of product page reads served from Redis")
    public double hitRatio() {
        long total = hits.getCount() + misses.getCount();
        return total == 0 ? 0 : (double) hits.getCount() / total;
    }

    Optional<ProductDetail> unreachable(UUID id) {
        misses.inc();
        return Optional.empty();
    }

    void notStored(ProductDetail product) {
        // the next read goes to the database again
    }

    void notEvicted(UUID id) {
        java.util.logging.Logger.getLogger(ProductCache.class.getName())
                .warning(() -> "product " + id + " not evicted (Redis unavailable); it expires within an hour");
    }

    private static RBucket<String> bucket(RedissonClient client, UUID id) {
        return client.getBucket("product:" + id, StringCodec.INSTANCE);
    }
}
