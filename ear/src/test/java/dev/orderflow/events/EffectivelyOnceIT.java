package dev.orderflow.events;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.KafkaProbe;
import dev.orderflow.testsupport.Metrics;
import dev.orderflow.testsupport.MongoProbe;
import dev.orderflow.testsupport.PaymentGatewayControl;
import dev.orderflow.testsupport.TestServices;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redelivered events change nothing a second time; a record that cannot be processed ends in the dead-letter topic
 * after the configured attempts, is counted, listed for operators and can be re-driven.
 */
@ExtendWith(ArquillianExtension.class)
class EffectivelyOnceIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @AfterEach
    void resetGateway() {
        PaymentGatewayControl.reset(services);
    }

    @Test
    void theSameEventDeliveredTwiceMoreHasOneEffectInEveryConsumer() throws Exception {
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("7.00"), 11); // 11 -> 9: low stock
        UUID order;
        ConsumerRecord<String, String> created;
        ConsumerRecord<String, String> reserved;
        ConsumerRecord<String, String> confirmation;
        try (var orderEvents = KafkaProbe.tail("order-events");
                var inventoryEvents = KafkaProbe.tail("inventory-events");
                var notificationEvents = KafkaProbe.tail("notification-events")) {
            var placed = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                    Checkouts.body(shopper.addressId(), product.id(), 2, "card"));
            assertEquals(201, placed.statusCode(), placed.body());
            order = UUID.fromString(Http.json(placed).getString("id"));
            created = orderEvents
                    .awaitRecords(seen -> !KafkaProbe.ofType(seen, "order.created", order).isEmpty(), EVENTUALLY)
                    .stream().filter(r -> KafkaProbe.ofType(java.util.List.of(r), "order.created", order).size() == 1)
                    .findFirst().orElseThrow();
            reserved = KafkaProbe.ofType(
                    inventoryEvents.awaitRecords(
                            seen -> !KafkaProbe.ofType(seen, "inventory.reserved", order).isEmpty(), EVENTUALLY),
                    "inventory.reserved", order).get(0);
            confirmation = KafkaProbe.ofType(
                    notificationEvents.awaitRecords(
                            seen -> !KafkaProbe.ofType(seen, "email.order_confirmation", order).isEmpty(), EVENTUALLY),
                    "email.order_confirmation", order).get(0);
        }
        await().atMost(EVENTUALLY).untilAsserted(() -> assertEquals(1, MongoProbe.count("notifications",
                and(eq("orderId", order.toString()), eq("type", "email.order_confirmation")))));

        for (int i = 0; i < 2; i++) {
            var createdAgain = KafkaProbe.redeliver(created);
            var reservedAgain = KafkaProbe.redeliver(reserved);
            var confirmationAgain = KafkaProbe.redeliver(confirmation);
            await().atMost(EVENTUALLY)
                    .until(() -> KafkaProbe.committedPast("payment", createdAgain)
                            && KafkaProbe.committedPast("analytics", createdAgain)
                            && KafkaProbe.committedPast("inventory", reservedAgain)
                            && KafkaProbe.committedPast("notification", confirmationAgain));
        }

        assertEquals(1, services.queryLong("orders_db", "SELECT count(*) FROM payments WHERE order_id = ?", order));
        assertEquals(1, services.queryLong("orders_db",
                "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? AND event_type = 'payment.succeeded'",
                order));
        assertEquals(1, services.queryLong("orders_db",
                "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? AND event_type = 'order.confirmed'", order));
        assertEquals(1, services.queryLong("orders_db",
                "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? AND event_type = 'inventory.low_stock'",
                product.id()), "low stock raised once for three deliveries of the reservation");
        assertEquals(1,
                MongoProbe.count("order_facts", and(eq("orderId", order.toString()), eq("type", "order.created"))));
        assertEquals(1, MongoProbe.count("notifications",
                and(eq("orderId", order.toString()), eq("type", "email.order_confirmation"))));
    }

    @Test
    void newOrdersRedeliveredTogetherAreChargedOnceEach() throws Exception {
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("3.00"), 50);
        var orders = new java.util.ArrayList<UUID>();
        var created = new java.util.ArrayList<ConsumerRecord<String, String>>();
        try (var orderEvents = KafkaProbe.tail("order-events")) {
            for (int i = 0; i < 6; i++) {
                var placed = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                        Checkouts.body(shopper.addressId(), product.id(), 1, "card"));
                assertEquals(201, placed.statusCode(), placed.body());
                orders.add(UUID.fromString(Http.json(placed).getString("id")));
            }
            var seen = orderEvents.awaitRecords(
                    records -> orders.stream()
                            .allMatch(order -> !KafkaProbe.ofType(records, "order.created", order).isEmpty()),
                    EVENTUALLY);
            orders.forEach(order -> created.add(KafkaProbe.ofType(seen, "order.created", order).get(0)));
        }
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (UUID order : orders) {
                assertEquals(1, services.queryLong("orders_db",
                        "SELECT count(*) FROM orders WHERE id = ? AND status = 'confirmed'", order));
            }
        });

        // both copies of every event at once: the payment consumer gets them in the same polls, several per lane
        var sent = new java.util.ArrayList<org.apache.kafka.clients.producer.RecordMetadata>();
        for (int copy = 0; copy < 2; copy++) {
            created.forEach(record -> sent.add(KafkaProbe.redeliver(record)));
        }
        await().atMost(EVENTUALLY).until(() -> sent.stream().allMatch(s -> KafkaProbe.committedPast("payment", s)));

        for (UUID order : orders) {
            assertEquals(1, services.queryLong("orders_db", "SELECT count(*) FROM payments WHERE order_id = ?", order));
            for (String type : new String[] { "payment.initiated", "payment.succeeded", "order.confirmed" }) {
                assertEquals(1, services.queryLong("orders_db",
                        "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? AND event_type = ?", order, type),
                        type + " of " + order);
            }
        }
    }

    @Test
    void aRecordThatIsNotAnEventIsDeadLetteredAtOnce() {
        String key = UUID.randomUUID().toString();
        try (var deadLetters = KafkaProbe.tail("dead-letters")) {
            KafkaProbe.send("inventory-events", key, "{not json", null);
            var letter = deadLetters.awaitRecords(seen -> seen.stream().anyMatch(r -> key.equals(r.key())), EVENTUALLY)
                    .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertEquals("inventory-events", KafkaProbe.header(letter, "dead-letter-topic"));
            assertTrue(KafkaProbe.header(letter, "dead-letter-reason").contains("malformed event"),
                    KafkaProbe.header(letter, "dead-letter-reason"));
            assertEquals("{not json", letter.value());
        }
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredAfterThreeAttemptsCountedListedAndReDriven() throws Exception {
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("11.00"), 10);
        // start once a card payment goes through: right after the deploy this node's consumer copies are still joining
        // their groups, and a rebalance while the record below is being retried hands it to a second copy that retries
        // it too (their failures open the breaker before either spends its three attempts; see docs/events.md)
        var warmUp = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), product.id(), 1, "card"));
        assertEquals(201, warmUp.statusCode(), warmUp.body());
        UUID paid = UUID.fromString(Http.json(warmUp).getString("id"));
        await().atMost(EVENTUALLY).untilAsserted(() -> assertEquals("confirmed", status(shopper, paid)));
        double deadLetteredBefore = Metrics.sumOverNodes(services, "events_consumed_total",
                "group=\"payment\",mp_app=\"orderflow\",mp_scope=\"application\",outcome=\"dead_lettered\"");
        PaymentGatewayControl.set(services, "error", 0);
        var placed = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), product.id(), 1, "card"));
        assertEquals(201, placed.statusCode(), placed.body());
        UUID order = UUID.fromString(Http.json(placed).getString("id"));
        String admin = Customers.adminToken(services);

        JsonObject letter = await() // polled once a second: the admin API is rate limited like any other
                .atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(
                        () -> pendingDeadLetters(admin).stream()
                                .filter(l -> order.toString().equals(l.getString("key"))).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        assertEquals("order-events", letter.getString("originalTopic"));
        assertTrue(letter.getString("reason").startsWith("payment: order.created"), letter.getString("reason"));
        assertTrue(letter.getString("reason").contains("failed 3 attempts"), letter.getString("reason"));
        assertEquals("pending", status(shopper, order));
        // the letter is readable on its topic a moment before the consumer counts it (after the broker's ack)
        String deadLettered = "group=\"payment\",mp_app=\"orderflow\",mp_scope=\"application\",outcome=\"dead_lettered\"";
        await().atMost(Duration.ofSeconds(10)).until(
                () -> Metrics.sumOverNodes(services, "events_consumed_total", deadLettered) > deadLetteredBefore);
        assertEquals(deadLetteredBefore + 1, Metrics.sumOverNodes(services, "events_consumed_total", deadLettered));

        // the gateway recovers; once its circuit breaker lets calls through again, the operator re-drives
        PaymentGatewayControl.set(services, "approve", 0);
        Thread.sleep(4_000); // the breaker's delay is 3 s
        var redriven = Http.send("POST",
                services.publicUrl() + "/api/admin/dead-letters/" + letter.getString("id") + "/redrive", null, admin);
        assertEquals(200, redriven.statusCode(), redriven.body());
        await().atMost(EVENTUALLY).untilAsserted(() -> assertEquals("confirmed", status(shopper, order)));
        assertEquals(1, services.queryLong("orders_db", "SELECT count(*) FROM payments WHERE order_id = ?", order));

        var again = Http.send("POST",
                services.publicUrl() + "/api/admin/dead-letters/" + letter.getString("id") + "/redrive", null, admin);
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(404,
                Http.send("POST", services.publicUrl() + "/api/admin/dead-letters/0-999999999/redrive", null, admin)
                        .statusCode());
        assertEquals(403,
                Http.send("GET", services.publicUrl() + "/api/admin/dead-letters", null, shopper.token()).statusCode());
    }

    private java.util.List<JsonObject> pendingDeadLetters(String admin) {
        var response = Http.send("GET", services.publicUrl() + "/api/admin/dead-letters?pending=true", null, admin);
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    private String status(Customers.Shopper shopper, UUID order) {
        return Http.json(Http.send("GET", services.publicUrl() + "/api/orders/" + order, null, shopper.token()))
                .getString("status");
    }
}
