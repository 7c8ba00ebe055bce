package dev.orderflow.events;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
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
import dev.orderflow.testsupport.TestServices.Service;
import java.math.BigDecimal;
import java.sql.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker is stopped, 100 orders are taken anyway (their events wait in the outbox), the broker comes back: every
 * order.created arrives, and each consumer's effect is applied exactly once per order (counted in PostgreSQL and
 * MongoDB). The outbox backlog rises and falls back to zero, the payment group charges the backlog in batches and its
 * lag is back at zero.
 */
@ExtendWith(ArquillianExtension.class)
class BrokerOutageIT {

    private static final int ORDERS = 100;

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @AfterEach
    void restore() {
        services.start(Service.KAFKA);
        PaymentGatewayControl.reset(services);
    }

    @Test
    void ordersTakenDuringAnOutageAreRelayedAfterItAndAppliedExactlyOnce() throws Exception {
        PaymentGatewayControl.set(services, "approve", 40); // the payment group takes >= 4 s for 100 orders
        var product = CatalogFixture.product(services, new BigDecimal("4.00"), 60, 45); // 105: low at the 96th
        var shoppers = new ArrayList<Customers.Shopper>();
        for (int i = 0; i < 4; i++) {
            shoppers.add(Customers.shopper(services));
        }
        awaitIdle();
        double paymentsTogetherBefore = Metrics.sumOverNodes(services, "events_consumed_together_total",
                "group=\"payment\"");
        Set<UUID> orders = ConcurrentHashMap.newKeySet();
        double maxBacklog;
        try (var orderEvents = KafkaProbe.tail("order-events")) {
            services.stop(Service.KAFKA);
            var pool = Executors.newFixedThreadPool(4);
            try {
                var placed = new ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < ORDERS; i++) {
                    var shopper = shoppers.get(i % shoppers.size());
                    placed.add(pool.submit(() -> {
                        var response = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                                Checkouts.body(shopper.addressId(), product.id(), 1, "card"));
                        assertEquals(201, response.statusCode(), response.body());
                        orders.add(UUID.fromString(Http.json(response).getString("id")));
                        return null;
                    }));
                }
                for (var future : placed) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(ORDERS, orders.size(), "every order accepted while the broker is down");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertTrue(Metrics.value(services, "outbox_backlog", null) >= ORDERS));
            maxBacklog = Metrics.value(services, "outbox_backlog", null);

            // the payment group's lag is not sampled for a rise: the gauge is read every 2 s and the group now takes
            // the 100 orders' events within that (the batching counter below shows they arrived together)
            services.start(Service.KAFKA);
            var records = orderEvents.awaitRecords(seen -> created(seen, orders).size() == ORDERS,
                    Duration.ofSeconds(120));
            for (UUID order : orders) {
                assertTrue(!KafkaProbe.ofType(records, "order.created", order).isEmpty());
            }
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(ORDERS,
                    count("SELECT count(*) FROM orders WHERE status = 'confirmed' AND id = ANY(?)", orders)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertEquals(0.0, Metrics.value(services, "outbox_backlog", null));
                assertEquals(0.0, Metrics.value(services, "events_consumer_lag", "group=\"payment\""));
            });
        }
        assertTrue(maxBacklog >= ORDERS, "backlog rose during the outage: " + maxBacklog);
        assertTrue(Metrics.sumOverNodes(services, "events_consumed_together_total", "group=\"payment\"")
                - paymentsTogetherBefore >= ORDERS / 2, "the payment group charged the backlog in batches");

        // each consumer's effect, exactly once per order
        assertEquals(ORDERS, count("SELECT count(*) FROM payments WHERE order_id = ANY(?)", orders), "payments");
        for (String type : new String[] { "payment.initiated", "payment.succeeded", "order.confirmed",
                "email.order_confirmation" }) { // no unique key guards these: only the processed-event claims do
            assertEquals(ORDERS, count(
                    "SELECT count(*) FROM outbox_events WHERE event_type = '" + type + "' AND aggregate_id = ANY(?)",
                    orders), type);
        }
        assertEquals(ORDERS, count("""
                SELECT count(*) FROM processed_events p JOIN outbox_events o ON o.id = p.event_id
                WHERE p.consumer_group = 'payment' AND o.aggregate_id = ANY(?)""", orders));
        // the inventory group is a consumer of its own topic: wait until it has taken the reservations, then count
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(1, inventoryClaims(orders));
            assertEquals(1, lowStockRaised(product.id()));
            assertEquals(0.0, Metrics.value(services, "events_consumer_lag", "group=\"inventory\""));
        });
        assertEquals(1, inventoryClaims(orders),
                "the inventory consumer claims the one reservation that crossed the threshold, and only that one");
        assertEquals(1, lowStockRaised(product.id()), "low stock raised once");
        List<String> ids = orders.stream().map(UUID::toString).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(ORDERS, MongoProbe.count("order_facts", and(in("orderId", ids), eq("type", "order.created"))));
            assertEquals(ORDERS,
                    MongoProbe.count("order_facts", and(in("orderId", ids), eq("type", "order.confirmed"))));
            assertEquals(ORDERS,
                    MongoProbe.count("notifications", and(in("orderId", ids), eq("type", "email.order_confirmation"))));
        });
        assertEquals(105 - ORDERS, CatalogFixture.totalStock(services, product.id()), "stock taken once per order");
    }

    /** Waits until nothing is in flight from earlier tests, so the backlog and lag seen here are this test's. */
    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(0.0, Metrics.value(services, "outbox_backlog", null)));
    }

    private long inventoryClaims(Set<UUID> orders) throws Exception {
        return count("""
                SELECT count(*) FROM processed_events p JOIN outbox_events o ON o.id = p.event_id
                WHERE p.consumer_group = 'inventory' AND o.aggregate_id = ANY(?)""", orders);
    }

    private long lowStockRaised(UUID product) throws Exception {
        return services.queryLong("orders_db", """
                SELECT count(*) FROM outbox_events WHERE event_type = 'inventory.low_stock' AND aggregate_id = ?""",
                product);
    }

    private static Set<UUID> created(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
            Set<UUID> orders) {
        return records.stream().filter(r -> "order.created".equals(KafkaProbe.header(r, "event-type")))
                .map(r -> UUID.fromString(r.key())).filter(orders::contains).collect(Collectors.toSet());
    }

    private long count(String sql, Set<UUID> ids) throws Exception {
        try (var connection = services.connect("orders_db"); var query = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            query.setArray(1, array);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
