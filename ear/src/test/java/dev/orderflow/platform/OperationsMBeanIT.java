package dev.orderflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operations MBean over remote JMX: it shows intake, outbox and consumers, and pausing intake makes new checkouts
 * 503 while every checkout that was accepted is kept.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsMBeanIT {

    private final TestServices services = TestServices.get();
    private JMXConnector connector;
    private MBeanServerConnection jmx;
    private ObjectName operations;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeEach
    void connect() throws Exception {
        connector = JMXConnectorFactory.connect(new JMXServiceURL(services.jmxUrl()));
        jmx = connector.getMBeanServerConnection();
        operations = new ObjectName("dev.orderflow:type=Operations");
    }

    @AfterEach
    void resumeAndDisconnect() throws Exception {
        jmx.invoke(operations, "resumeIntake", null, null);
        connector.close();
    }

    @Test
    void showsIntakeOutboxAndConsumers() throws Exception {
        assertEquals(false, jmx.getAttribute(operations, "IntakePaused"));
        assertEquals(0, (int) jmx.getAttribute(operations, "CheckoutsInFlight"));
        assertTrue((long) jmx.getAttribute(operations, "OutboxBacklog") >= 0);
        var lag = (TabularData) jmx.getAttribute(operations, "ConsumerLag");
        assertTrue(lag.containsKey(new Object[] { "payment" }) || lag.isEmpty(), lag.toString());
    }

    @Test
    void purgesRelayedOutboxRowsPastTheRetentionAndKeepsUnsentOnes() throws Exception {
        UUID oldSent = UUID.randomUUID();
        UUID newSent = UUID.randomUUID();
        UUID oldParked = UUID.randomUUID();
        try (var connection = services.connect("orders_db"); var insert = connection.prepareStatement("""
                INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, event_version, payload,
                                           occurred_at, sent_at, parked_at)
                VALUES (?, 'product', ?, 'inventory.updated', 1, '{}', now() - cast(? AS interval),
                        CASE WHEN ? THEN now() END, CASE WHEN ? THEN now() END)""")) {
            // the relayed row is 30 minutes old and the call purges past 20: the nodes' own purge (past 60 minutes,
            // every minute) cannot take it first
            for (Object[] row : new Object[][] { { oldSent, "30 minutes", true, false },
                    { newSent, "1 minute", true, false }, { oldParked, "2 hours", false, true } }) {
                insert.setObject(1, row[0]);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, (String) row[1]);
                insert.setBoolean(4, (boolean) row[2]);
                insert.setBoolean(5, (boolean) row[3]);
                insert.executeUpdate();
            }
        }
        try {
            long purged = (long) jmx.invoke(operations, "purgeRelayedEvents", new Object[] { 20 },
                    new String[] { "int" });
            assertTrue(purged >= 1, "purged " + purged);
            assertEquals(0,
                    services.queryLong("orders_db", "SELECT count(*) FROM outbox_events WHERE id = ?", oldSent));
            assertEquals(1, services.queryLong("orders_db", "SELECT count(*) FROM outbox_events WHERE id = ?", newSent),
                    "a relayed row inside the retention period stays");
            assertEquals(1,
                    services.queryLong("orders_db", "SELECT count(*) FROM outbox_events WHERE id = ?", oldParked),
                    "a row never relayed stays whatever its age");
        } finally {
            try (var connection = services.connect("orders_db");
                    var delete = connection.prepareStatement("DELETE FROM outbox_events WHERE id IN (?, ?, ?)")) {
                delete.setObject(1, oldSent);
                delete.setObject(2, newSent);
                delete.setObject(3, oldParked);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void pausedIntakeRefusesNewCheckoutsAndLosesNoAcceptedOne() throws Exception {
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("1.00"), 1_000);

        jmx.invoke(operations, "pauseIntake", null, null);
        assertEquals(true, jmx.getAttribute(operations, "IntakePaused"));
        var refused = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), product.id(), 1));
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", Http.contentType(refused));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        // a paused node is not ready, so load balancers drain it (nginx: MultiNodeCheckoutIT)
        var readiness = Http.get(services.nodeUrl() + "/api/health/ready");
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertTrue(Http.json(readiness).getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                .anyMatch(c -> "order-intake".equals(c.getString("name")) && "DOWN".equals(c.getString("status"))),
                readiness.body());
        jmx.invoke(operations, "resumeIntake", null, null);
        assertEquals(200, Http.get(services.nodeUrl() + "/api/health/ready").statusCode());
        assertEquals(201, Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), product.id(), 1)).statusCode());

        // checkouts keep coming from 4 clients while an operator pauses and resumes intake
        var shoppers = new ArrayList<Customers.Shopper>();
        for (int i = 0; i < 4; i++) {
            shoppers.add(Customers.shopper(services));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        var pool = Executors.newFixedThreadPool(4);
        var clients = new ArrayList<Future<?>>();
        for (var client : shoppers) {
            clients.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    int status = Checkouts.place(services, client.token(), UUID.randomUUID().toString(),
                            Checkouts.body(client.addressId(), product.id(), 1)).statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(300);
        jmx.invoke(operations, "pauseIntake", null, null);
        Thread.sleep(1_000);
        jmx.invoke(operations, "resumeIntake", null, null);
        for (var client : clients) {
            client.get();
        }
        pool.shutdown();

        int accepted = statuses.getOrDefault(201, new AtomicInteger()).get();
        int paused = statuses.getOrDefault(503, new AtomicInteger()).get();
        assertEquals(60, accepted + paused, "only 201 or 503: " + statuses);
        assertTrue(paused > 0, "some checkouts met the pause: " + statuses);
        long stored = 0;
        for (var client : shoppers) {
            stored += services.queryLong("orders_db", "SELECT count(*) FROM orders WHERE user_id = ?",
                    client.customer().id());
        }
        assertEquals(accepted, stored, "every accepted order is stored, no refused one is");
        assertEquals(1_000 - 1 - accepted, CatalogFixture.totalStock(services, product.id()));
        assertFalse((boolean) jmx.getAttribute(operations, "IntakePaused"));
    }
}
