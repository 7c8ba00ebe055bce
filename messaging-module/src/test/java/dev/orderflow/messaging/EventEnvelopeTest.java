package dev.orderflow.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "order.created", 1,
            Instant.parse("2026-11-22T10:15:30.123456Z"), "order", UUID.randomUUID(), "req-42",
            Json.createObjectBuilder().add("total", 25.5).build());

    @Test
    void survivesTheWireUnchanged() {
        assertEquals(event, EventEnvelope.parse(event.toJson()));
    }

    @Test
    void aMissingCorrelationIdIsNull() {
        var without = new EventEnvelope(event.eventId(), event.type(), 1, event.occurredAt(), "order",
                event.aggregateId(), null, event.payload());
        assertNull(EventEnvelope.parse(without.toJson()).correlationId());
    }

    @Test
    void anEnvelopeOfPayloadTextIsTheSameTextAsTheEnvelope() {
        var awkward = new EventEnvelope(event.eventId(), event.type(), 1, event.occurredAt(), "order",
                event.aggregateId(), "quote \" backslash \\ newline \n tab \t bell \u0007", event.payload());
        for (EventEnvelope one : new EventEnvelope[] { event, awkward }) {
            String text = EventEnvelope.json(one.eventId(), one.type(), one.version(), one.occurredAt(),
                    one.aggregateType(), one.aggregateId(), one.correlationId(), one.payload().toString());
            var fields = Json.createObjectBuilder().add("eventId", one.eventId().toString()).add("type", one.type())
                    .add("version", 1).add("occurredAt", one.occurredAt().toString()).add("aggregateType", "order")
                    .add("aggregateId", one.aggregateId().toString()).add("correlationId", one.correlationId())
                    .add("payload", one.payload()).build();
            assertEquals(fields, Json.createReader(new java.io.StringReader(text)).readObject(), text);
            assertEquals(one, EventEnvelope.parse(text));
        }
    }

    @Test
    void anEnvelopeOfPayloadTextIsCheckedLikeAnyOther() {
        assertThrows(IllegalArgumentException.class, () -> EventEnvelope.json(event.eventId(), event.type(), 0,
                event.occurredAt(), "order", event.aggregateId(), null, "{}"));
        assertThrows(NullPointerException.class, () -> EventEnvelope.json(event.eventId(), null, 1, event.occurredAt(),
                "order", event.aggregateId(), null, "{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "{not json", "[]", "{}", "{\"eventId\":\"x\"}",
            "{\"eventId\":\"6b1f0c8e-2f43-4c52-9d0e-0d2e8a7f1c11\",\"type\":\"order.created\",\"version\":0,"
                    + "\"occurredAt\":\"2026-11-22T10:15:30Z\",\"aggregateType\":\"order\","
                    + "\"aggregateId\":\"6b1f0c8e-2f43-4c52-9d0e-0d2e8a7f1c11\",\"payload\":{}}",
            "{\"eventId\":\"6b1f0c8e-2f43-4c52-9d0e-0d2e8a7f1c11\",\"type\":\"order.created\",\"version\":1,"
                    + "\"occurredAt\":\"yesterday\",\"aggregateType\":\"order\","
                    + "\"aggregateId\":\"6b1f0c8e-2f43-4c52-9d0e-0d2e8a7f1c11\",\"payload\":{}}" })
    void anythingElseIsMalformed(String text) {
        assertThrows(EventEnvelope.MalformedEvent.class, () -> EventEnvelope.parse(text));
    }

    @Test
    void nullIsMalformed() {
        assertThrows(EventEnvelope.MalformedEvent.class, () -> EventEnvelope.parse(null));
    }
}
