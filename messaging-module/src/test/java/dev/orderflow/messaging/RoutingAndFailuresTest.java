package dev.orderflow.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingAndFailuresTest {

    @ParameterizedTest
    @CsvSource({ "order.created,order-events", "order.cancelled,order-events", "payment.refunded,payment-events",
            "inventory.low_stock,inventory-events", "email.order_confirmation,notification-events",
            "sms.order_status,notification-events", "analytics.order_summary,analytics-events" })
    void everyEventTypeHasItsSeedTopic(String type, String topic) {
        assertEquals(topic, Topics.of(type));
    }

    @Test
    void anUnknownTypeHasNoTopic() {
        assertThrows(IllegalArgumentException.class, () -> Topics.of("shipment.created"));
        assertThrows(IllegalArgumentException.class, () -> Topics.of("order"));
    }

    @Test
    void dependencyOutagesAreToldApartFromFailingEvents() {
        assertTrue(EventConsumers.dependencyDown(new RuntimeException(new RetryLater("mongodb", null))));
        assertTrue(EventConsumers
                .dependencyDown(new IllegalStateException(new SQLException("connection refused", "08001"))));
        assertTrue(EventConsumers.dependencyDown(new RuntimeException(new java.net.ConnectException())));
        assertFalse(EventConsumers.dependencyDown(new IllegalStateException("order not found")));
        assertFalse(EventConsumers.dependencyDown(new RuntimeException(new SQLException("duplicate", "23505"))));
    }

    /** Stands for WildFly's org.jboss.as.ee.component.ComponentIsStoppedException. */
    static class ComponentIsStoppedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aStoppedHandlerComponentIsToldApartFromAFailingEvent() {
        assertTrue(EventConsumers.componentStopped(new RuntimeException(new ComponentIsStoppedException())));
        assertTrue(EventConsumers.componentStopped(new IllegalStateException("WFLYEE0043: Component is stopped")));
        assertFalse(EventConsumers.componentStopped(new IllegalStateException("order not found")));
    }

    @Test
    void aDeadLetterReasonNamesTheRootCause() {
        assertEquals("IllegalArgumentException: bad total",
                EventConsumers.rootMessage(new RuntimeException("wrapper", new IllegalArgumentException("bad total"))));
    }

    @Test
    void aBatchIsSplitIntoLanesThatKeepEachKeysRecordsTogetherAndInOrder() {
        var records = new java.util.ArrayList<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>();
        String[] keys = { "a", "b", "c", "a", "d", "b", "a", null, "e", null };
        for (int i = 0; i < keys.length; i++) {
            records.add(
                    new org.apache.kafka.clients.consumer.ConsumerRecord<>("order-events", i % 2, i, keys[i], "v" + i));
        }

        var lanes = EventConsumers.lanes(records, 3);

        assertTrue(lanes.size() <= 3 && lanes.size() >= 2, "lanes: " + lanes.size());
        assertEquals(records.size(), lanes.stream().mapToInt(java.util.List::size).sum());
        for (String key : new String[] { "a", "b", "c", "d", "e" }) {
            var holding = lanes.stream().filter(lane -> lane.stream().anyMatch(r -> key.equals(r.key()))).toList();
            assertEquals(1, holding.size(), "key " + key + " in one lane");
            var offsets = holding.get(0).stream().filter(r -> key.equals(r.key())).map(r -> r.offset()).toList();
            assertEquals(offsets.stream().sorted().toList(), offsets, "key " + key + " in offset order");
        }
        assertEquals(1, EventConsumers.lanes(records, 1).size());
        assertEquals(0, EventConsumers.lanes(java.util.List.of(), 4).size());
    }
}
