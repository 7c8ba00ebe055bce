package dev.orderflow.messaging;

import dev.orderflow.platform.json.JsonFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in, on every topic (docs/events.md): a unique event id (consumers deduplicate on
 * it), the type ({@code order.created}, ...) and its schema version, when it happened, the aggregate it belongs to (its
 * id is the Kafka record key, so one aggregate's events stay in order), the correlation id of the request that caused
 * it, and the type's payload.
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String aggregateType,
        UUID aggregateId, String correlationId, JsonObject payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    public String toJson() {
        return json(eventId, type, version, occurredAt, aggregateType, aggregateId, correlationId, payload.toString());
    }

    /**
     * The text of an envelope whose payload is already JSON text (the outbox relay sends each row's payload as stored,
     * without parsing and writing it again): the same fields, in the same order, as {@link #toJson()}.
     */
    public static String json(UUID eventId, String type, int version, Instant occurredAt, String aggregateType,
            UUID aggregateId, String correlationId, String payloadJson) {
        new EventEnvelope(eventId, type, version, occurredAt, aggregateType, aggregateId, correlationId,
                JsonValue.EMPTY_JSON_OBJECT); // the same checks as every envelope
        Objects.requireNonNull(payloadJson, "payload");
        return new StringBuilder(256 + payloadJson.length()).append("{\"eventId\":\"").append(eventId)
                .append("\",\"type\":").append(JsonFactory.quoted(type)).append(",\"version\":").append(version)
                .append(",\"occurredAt\":\"").append(occurredAt).append("\",\"aggregateType\":")
                .append(JsonFactory.quoted(aggregateType)).append(",\"aggregateId\":\"").append(aggregateId)
                .append("\",\"correlationId\":")
                .append(correlationId == null ? "null" : JsonFactory.quoted(correlationId)).append(",\"payload\":")
                .append(payloadJson).append('}').toString();
    }

    /**
     * Reads an envelope.
     *
     * @throws MalformedEvent
     *             when the text is not an envelope (not JSON, a field missing or of the wrong kind)
     */
    public static EventEnvelope parse(String text) {
        if (text == null) {
            throw new MalformedEvent("no value");
        }
        try (var reader = JsonFactory.reader(text)) {
            JsonObject json = reader.readObject();
            return new EventEnvelope(UUID.fromString(json.getString("eventId")), json.getString("type"),
                    json.getInt("version"), Instant.parse(json.getString("occurredAt")),
                    json.getString("aggregateType"), UUID.fromString(json.getString("aggregateId")),
                    optionalString(json, "correlationId"), json.getJsonObject("payload"));
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                | DateTimeParseException e) {
            throw new MalformedEvent(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String optionalString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** The text is not an event envelope; retrying cannot help. */
    public static class MalformedEvent extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public MalformedEvent(String reason) {
            super("malformed event: " + reason);
        }
    }
}
