package dev.orderflow.platform.redis;

import dev.orderflow.platform.concurrent.PeriodicTask;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.client.codec.LongCodec;

/**
 * Fixed-window request counters in Redis ({@code rate_limit:{subject}:{scope}}, expiring with the window), shared by
 * every node.
 * <p>
 * {@link #hit} decides on the node: it counts locally and pushes the node's new hits to Redis every
 * {@code rate-limit.sync-ms} (100 ms) in one pipelined round trip, learning the count of every node at the same time. A
 * node's own requests are counted exactly; those of other nodes with up to one sync interval of delay, so all nodes
 * together may let through a little more than the limit during that interval. No request waits for Redis.
 * {@link #hitExactly} asks Redis on every call (logins: few, and worth the round trip). While Redis is unreachable both
 * go on counting on the node alone, so the limits hold per node instead of failing open.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final String COUNT = """
            local count = redis.call('INCRBY', KEYS[1], ARGV[2])
            if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}
            """;

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "rate-limit.sync-ms", defaultValue = "100")
    long syncMillis;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    private final Map<String, WindowCounter> counters = new ConcurrentHashMap<>();
    private PeriodicTask syncer;

    /** The verdict on one request: allowed, or refused until {@code retryAfterSeconds} have passed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        syncer = PeriodicTask.start(threads, "rate-limit-sync", () -> syncMillis, this::sync);
    }

    @PreDestroy
    void stop() {
        if (syncer != null) {
            syncer.stop();
        }
    }

    /** Counts one request against the key's limit, deciding on this node (see the class comment). */
    public Decision hit(String key, int limit, Duration window) {
        return counter(key, window).hit(limit, System.nanoTime());
    }

    /** Counts one request against the key's limit in Redis, or on this node alone while Redis is unreachable. */
    public Decision hitExactly(String key, int limit, Duration window) {
        WindowCounter counter = counter(key, window);
        try {
            List<Long> result = redis.call("rate_limit",
                    client -> client.getScript(LongCodec.INSTANCE).<List<Long>> eval(RScript.Mode.READ_WRITE, COUNT,
                            RScript.ReturnType.MULTI, List.of("rate_limit:" + key), window.toMillis(), 1));
            long count = result.get(0);
            long millisLeft = Math.max(result.get(1), 0);
            counter.synced(count, millisLeft, System.nanoTime());
            return new Decision(count <= limit, Math.max(1, (millisLeft + 999) / 1000));
        } catch (RuntimeException e) {
            LOG.fine(() -> "rate limit counted on this node only, Redis unavailable: " + e);
            return counter.hit(limit, System.nanoTime());
        }
    }

    private WindowCounter counter(String key, Duration window) {
        return counters.computeIfAbsent(key, k -> new WindowCounter(window.toNanos()));
    }

    /** Pushes every counter's new hits in one pipelined batch and reads back the counts of all nodes. */
    void sync() {
        long now = System.nanoTime();
        counters.entrySet().removeIf(e -> e.getValue().idleSince(now));
        var pushed = new ArrayList<Object[]>();
        counters.forEach((key, counter) -> {
            long hits = counter.drain();
            if (hits > 0) {
                pushed.add(new Object[] { key, counter, hits });
            }
        });
        if (pushed.isEmpty()) {
            return;
        }
        redis.call("rate_limit.sync", client -> {
            RBatch batch = client.createBatch();
            var results = new ArrayList<RFuture<List<Long>>>();
            for (Object[] push : pushed) {
                WindowCounter counter = (WindowCounter) push[1];
                results.add(batch.getScript(LongCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, COUNT,
                        RScript.ReturnType.MULTI, List.of("rate_limit:" + push[0]),
                        Duration.ofNanos(counter.windowNanos()).toMillis(), push[2]));
            }
            batch.execute();
            long at = System.nanoTime();
            for (int i = 0; i < pushed.size(); i++) {
                List<Long> result = results.get(i).toCompletableFuture().join();
                ((WindowCounter) pushed.get(i)[1]).synced(result.get(0), Math.max(result.get(1), 0), at);
            }
            return null;
        });
    }
}
