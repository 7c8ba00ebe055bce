package dev.orderflow.messaging;

import dev.orderflow.platform.id.Uuids;
import dev.orderflow.platform.concurrent.PeriodicTask;
import dev.orderflow.platform.json.JsonFactory;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Analytics events (analytics-events), written behind: sent straight to Kafka on their own channel
 * ({@code analytics-out}), never through the outbox, never waited for. Product views are counted in memory per product
 * and sent every {@code analytics.views.flush-ms} (5 s) as one {@code analytics.product_viewed} event per product with
 * its {@code views} count, so a page view costs an increment, not a Kafka record and a MongoDB document. A batch that
 * cannot be sent (Kafka down, buffer full) is dropped and counted ({@code analytics.events.dropped}), as are the counts
 * of the last five seconds when a node dies: the seeds allow exactly this for view counts ("write-behind, eventual
 * consistency OK"). It can never slow a request or the outbox relay.
 */
@ApplicationScoped
public class AnalyticsEvents {

    public static final String PRODUCT_VIEWED = "analytics.product_viewed";
    private static final int MAX_PRODUCTS = 100_000;

    @Inject
    @Channel("analytics-out")
    @OnOverflow(value = OnOverflow.Strategy.DROP)
    Emitter<String> emitter;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "analytics.views.flush-ms", defaultValue = "5000")
    long flushMillis;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    private final Map<UUID, LongAdder> views = new ConcurrentHashMap<>();
    private PeriodicTask flusher;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        flusher = PeriodicTask.start(threads, "analytics-views", () -> flushMillis, this::flush);
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.stop();
        }
        flush();
    }

    /** A product page was shown: counted now, sent within {@code analytics.views.flush-ms}. */
    public void productViewed(UUID productId) {
        if (views.size() >= MAX_PRODUCTS && !views.containsKey(productId)) {
            flush();
            views.clear();
        }
        views.computeIfAbsent(productId, id -> new LongAdder()).increment();
    }

    /** Sends one event per product viewed since the last flush. */
    void flush() {
        views.forEach((productId, count) -> {
            long n = count.sumThenReset();
            if (n > 0) {
                send(productId, n);
            }
        });
    }

    private void send(UUID productId, long count) {
        var event = new EventEnvelope(Uuids.next(), PRODUCT_VIEWED, 1, Instant.now(), "product", productId, null,
                JsonFactory.object().add("productId", productId.toString()).add("views", count).build());
        var headers = new RecordHeaders();
        headers.add(EventPublisher.HEADER_EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(EventPublisher.HEADER_EVENT_TYPE, PRODUCT_VIEWED.getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String> builder().withKey(productId.toString())
                .withTopic(Topics.ANALYTICS_EVENTS).withHeaders(headers).build();
        try {
            emitter.send(Message.of(event.toJson(), Metadata.of(metadata),
                    () -> CompletableFuture.completedFuture(null), failure -> {
                        dropped();
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            dropped();
        }
    }

    private void dropped() {
        metrics.counter("analytics.events.dropped").inc();
    }
}
