package dev.orderflow.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Analytics events (analytics-events), written behind: sent straight to Kafka on their own channel
 * ({@code analytics-out}), never through the outbox, never waited for. A view that cannot be sent (Kafka down, buffer
 * full) is dropped and counted ({@code analytics.events.dropped}); it can never slow a request or the outbox relay. The
 * seeds allow exactly this for view counts ("write-behind, eventual consistency OK").
 */
@ApplicationScoped
public class AnalyticsEvents {

    public static final String PRODUCT_VIEWED = "analytics.product_viewed";

    @Inject
    @Channel("analytics-out")
    @OnOverflow(value = OnOverflow.Strategy.DROP)
    Emitter<String> emitter;

    @Inject
    MetricRegistry metrics;

    /** A product page was shown. */
    public void productViewed(UUID productId, String correlationId) {
        var event = new EventEnvelope(UUID.randomUUID(), PRODUCT_VIEWED, 1, Instant.now(), "product", productId,
                correlationId, Json.createObjectBuilder().add("productId", productId.toString()).build());
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
