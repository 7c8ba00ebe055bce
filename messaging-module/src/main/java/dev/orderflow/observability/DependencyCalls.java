package dev.orderflow.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Latency and failures of the calls this node makes to Redis, Kafka and MongoDB, in two families tagged
 * {@code dependency} (redis | kafka | mongodb) and {@code operation} (a short fixed name per kind of call):
 * <ul>
 * <li>{@code dependency.calls} (timer; Prometheus {@code dependency_calls_seconds_bucket{le}}, {@code _count},
 * {@code _sum}, {@code _max}): every call, failed or not;</li>
 * <li>{@code dependency.failures} (counter; {@code dependency_failures_total}): calls that failed in the client or on
 * the server (timeouts, refused connections, server errors), not the application's own exceptions.</li>
 * </ul>
 */
@ApplicationScoped
public class DependencyCalls {

    public static final String REDIS = "redis";
    public static final String KAFKA = "kafka";
    public static final String MONGODB = "mongodb";

    private static final Metadata CALLS = Metadata.builder().withName("dependency.calls")
            .withDescription("Calls to Redis, Kafka and MongoDB").build();
    private static final Metadata FAILURES = Metadata.builder().withName("dependency.failures")
            .withDescription("Failed calls to Redis, Kafka and MongoDB").build();

    @Inject
    MetricRegistry metrics;

    private final Map<String, Meters> meters = new ConcurrentHashMap<>();

    /**
     * Runs one call, timing it; an exception counts as a failure unless {@code applicationError} says it is the
     * application's own (thrown from inside the call, for example a business rule), and is rethrown either way.
     */
    public <T> T call(String dependency, String operation, Predicate<RuntimeException> applicationError,
            Supplier<T> call) {
        long started = System.nanoTime();
        boolean failed = true; // also when an Error escapes
        try {
            T result = call.get();
            failed = false;
            return result;
        } catch (RuntimeException e) {
            failed = !applicationError.test(e);
            throw e;
        } finally {
            record(dependency, operation, Duration.ofNanos(System.nanoTime() - started), failed);
        }
    }

    /** Records a call measured elsewhere (asynchronous sends, driver listeners). */
    public void record(String dependency, String operation, Duration took, boolean failed) {
        meters(dependency, operation).calls().update(took);
        if (failed) {
            meters(dependency, operation).failures().inc();
        }
    }

    /** Counts a failure that had no duration of its own (a missed heartbeat, a refused connection). */
    public void failure(String dependency, String operation) {
        meters(dependency, operation).failures().inc();
    }

    /** The pair of meters of one (dependency, operation): looked up in the registry once, not per call. */
    private Meters meters(String dependency, String operation) {
        return meters.computeIfAbsent(dependency + '\u0000' + operation, key -> {
            Tag[] tags = { new Tag("dependency", dependency), new Tag("operation", operation) };
            return new Meters(metrics.timer(CALLS, tags), metrics.counter(FAILURES, tags));
        });
    }

    private record Meters(Timer calls, Counter failures) {
    }
}
