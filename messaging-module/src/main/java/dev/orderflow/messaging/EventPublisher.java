package dev.orderflow.messaging;

import dev.orderflow.observability.DependencyCalls;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends records through the outgoing Reactive Messaging channel {@code events-out} (smallrye-kafka, acks=all,
 * idempotent producer; configured in the EAR's microprofile-config.properties), choosing the topic per record. A send
 * completes when the broker has acknowledged the record and fails when it could not be written.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String HEADER_EVENT_ID = "event-id";
    public static final String HEADER_EVENT_TYPE = "event-type";
    public static final String HEADER_CORRELATION_ID = "correlation-id";

    @Inject
    @Channel("events-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @Inject
    DependencyCalls calls;

    /** Sends the event to its type's topic, keyed by its aggregate id. */
    public CompletableFuture<Void> publish(EventEnvelope event) {
        return publish(event.eventId(), event.type(), event.aggregateId(), event.correlationId(), event.toJson());
    }

    /**
     * Sends an event already written as envelope text ({@link EventEnvelope#json}) to its type's topic, keyed by its
     * aggregate id, with the same headers as {@link #publish(EventEnvelope)}.
     *
     * @throws IllegalArgumentException
     *             for a type no topic carries
     */
    public CompletableFuture<Void> publish(UUID eventId, String type, UUID aggregateId, String correlationId,
            String envelope) {
        String topic = Topics.of(type);
        var headers = new LinkedHashMap<String, String>();
        headers.put(HEADER_EVENT_ID, eventId.toString());
        headers.put(HEADER_EVENT_TYPE, type);
        if (correlationId != null) {
            headers.put(HEADER_CORRELATION_ID, correlationId);
        }
        return send(topic, aggregateId.toString(), envelope, headers);
    }

    /** Sends one record as it is (re-drives use this); the future completes on the broker's acknowledgement. */
    public CompletableFuture<Void> send(String topic, String key, String value, Map<String, String> headers) {
        var acknowledged = new CompletableFuture<Void>();
        long started = System.nanoTime();
        acknowledged.whenComplete((ok, failure) -> calls.record(DependencyCalls.KAFKA, "send",
                Duration.ofNanos(System.nanoTime() - started), failure != null));
        var kafkaHeaders = new RecordHeaders();
        headers.forEach((name, header) -> kafkaHeaders.add(name, header.getBytes(StandardCharsets.UTF_8)));
        var metadata = OutgoingKafkaRecordMetadata.<String> builder().withTopic(topic).withKey(key)
                .withHeaders(kafkaHeaders).build();
        Message<String> message = Message.of(value, Metadata.of(metadata), () -> {
            acknowledged.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acknowledged.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        });
        try {
            emitter.send(message);
        } catch (RuntimeException e) { // buffer full, channel cancelled
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }
}
