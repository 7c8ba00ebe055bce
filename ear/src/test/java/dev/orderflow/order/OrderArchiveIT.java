package dev.orderflow.order;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.MongoProbe;
import dev.orderflow.testsupport.TestServices;
import dev.orderflow.testsupport.TestServices.Service;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finished orders older than 30 days move to the MongoDB order history: the history API reads both stores as one list,
 * the counts of the two stores reconcile, and an archive run that cannot reach MongoDB deletes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class OrderArchiveIT {

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @Test
    void oldFinishedOrdersMoveToMongoDbAndTheHistoryApiStillShowsThem() throws Exception {
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("6.25"), 50);
        UUID delivered = place(shopper, product.id(), 2);
        UUID cancelled = place(shopper, product.id(), 3);
        UUID pending = place(shopper, product.id(), 1);
        for (String status : new String[] { "confirmed", "processing", "shipped", "delivered" }) {
            move(delivered, status);
        }
        move(cancelled, "cancelled");
        JsonObject deliveredBefore = order(shopper, delivered);
        JsonObject cancelledBefore = order(shopper, cancelled);
        backdate(delivered, cancelled, pending);

        JsonObject before = admin("GET", "/api/admin/order-archive");
        JsonObject run = admin("POST", "/api/admin/order-archive/runs");
        int archived = run.getInt("archived");
        assertTrue(archived >= 2, run.toString());
        assertEquals(before.getJsonNumber("activeOrders").longValue() - archived,
                run.getJsonNumber("activeOrders").longValue(), "orders_db lost exactly the archived orders");
        assertEquals(before.getJsonNumber("archivedOrders").longValue() + archived,
                run.getJsonNumber("archivedOrders").longValue(), "MongoDB gained exactly the archived orders");
        assertEquals(0, services.queryLong("orders_db", "SELECT count(*) FROM orders WHERE id IN (?, ?)", delivered,
                cancelled));
        assertEquals(0, services.queryLong("orders_db", "SELECT count(*) FROM order_items WHERE order_id IN (?, ?)",
                delivered, cancelled));
        assertEquals(1, services.queryLong("orders_db", "SELECT count(*) FROM orders WHERE id = ?", pending),
                "an old order that is not finished stays");

        // the archived orders read as before, marked archived
        JsonObject deliveredAfter = order(shopper, delivered);
        assertTrue(deliveredAfter.getBoolean("archived"));
        for (String field : new String[] { "status", "lines", "customerId", "shippingAddress", "paymentMethod" }) {
            assertEquals(deliveredBefore.get(field), deliveredAfter.get(field), field);
        }
        // MongoDB dates hold milliseconds; PostgreSQL's timestamps microseconds
        assertEquals(history(deliveredBefore), history(deliveredAfter));
        assertEquals(0, deliveredBefore.getJsonNumber("total").bigDecimalValue()
                .compareTo(deliveredAfter.getJsonNumber("total").bigDecimalValue()));
        assertEquals(cancelledBefore.get("lines"), order(shopper, cancelled).get("lines"));

        // the seeds' history document
        Document stored = MongoProbe.database().getCollection("order_history").find(eq("_id", delivered.toString()))
                .first();
        assertNotNull(stored);
        assertEquals(delivered.toString(), stored.getString("order_id"));
        assertEquals(shopper.customer().id().toString(), stored.getString("user_id"));
        assertEquals("delivered", stored.getString("status"));
        assertEquals(1, stored.getList("items", Document.class).size());
        assertNotNull(stored.getDate("completed_at"));
        assertEquals("invoice", stored.get("metadata", Document.class).getString("payment_method"));

        // one list over both stores, newest first, paged
        JsonObject page1 = list(shopper, 1, 2);
        JsonObject page2 = list(shopper, 2, 2);
        assertEquals(3, page1.getJsonNumber("totalItems").longValue());
        assertEquals(List.of(pending.toString(), cancelled.toString()), ids(page1));
        assertEquals(List.of(delivered.toString()), ids(page2));
        assertEquals(List.of(false, true), page1.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getBoolean("archived")).toList());

        // another customer does not see it; a second run moves nothing
        var stranger = Customers.shopper(services);
        assertEquals(404, Http.send("GET", services.publicUrl() + "/api/orders/" + delivered, null, stranger.token())
                .statusCode());
        JsonObject rerun = admin("POST", "/api/admin/order-archive/runs");
        assertEquals(run.getJsonNumber("archivedOrders").longValue(),
                rerun.getJsonNumber("archivedOrders").longValue() - rerun.getInt("archived"));
    }

    /**
     * Also: the MongoDB consumers wait for it, over a minute, instead of dead-lettering what arrives meanwhile or
     * giving up, and apply it once it is back.
     */
    @Test
    void anArchiveRunThatCannotReachMongoDbDeletesNothing() throws Exception {
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("1.00"), 5);
        UUID cancelled = place(shopper, product.id(), 1);
        move(cancelled, "cancelled");
        backdate(cancelled);
        UUID paidDuringOutage;
        try {
            services.stop(Service.MONGO);
            var response = Http.send("POST", services.publicUrl() + "/api/admin/order-archive/runs", null,
                    Customers.adminToken(services));
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("application/problem+json", Http.contentType(response));
            assertEquals(1, services.queryLong("orders_db", "SELECT count(*) FROM orders WHERE id = ?", cancelled));
            var paid = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                    Checkouts.body(shopper.addressId(), product.id(), 1, "card"));
            assertEquals(201, paid.statusCode(), paid.body());
            paidDuringOutage = UUID.fromString(Http.json(paid).getString("id"));
            // longer than three attempts would take, and than the Kafka connector's 60 s default watchdog for
            // unacknowledged records (which would fail the consumer for good if it were on)
            Thread.sleep(70_000);
        } finally {
            services.start(Service.MONGO);
        }
        UUID paidOrder = paidDuringOutage;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .untilAsserted(() -> assertEquals(1, MongoProbe.count("notifications", com.mongodb.client.model.Filters
                        .and(eq("orderId", paidOrder.toString()), eq("type", "email.order_confirmation")))));
        // the analytics group writes to MongoDB too: its facts of the order are in before dead letters are read
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .untilAsserted(() -> assertEquals(2,
                        MongoProbe.count("order_facts", com.mongodb.client.model.Filters.and(
                                eq("orderId", paidOrder.toString()),
                                com.mongodb.client.model.Filters.in("type", "order.created", "order.confirmed")))));
        var letters = Http.send("GET", services.publicUrl() + "/api/admin/dead-letters", null,
                Customers.adminToken(services));
        assertEquals(200, letters.statusCode());
        assertTrue(!letters.body().contains(paidOrder.toString()), "nothing of it dead-lettered");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(
                () -> assertEquals(200, Http.send("POST", services.publicUrl() + "/api/admin/order-archive/runs", null,
                        Customers.adminToken(services)).statusCode()));
        assertEquals(0, services.queryLong("orders_db", "SELECT count(*) FROM orders WHERE id = ?", cancelled));
        assertTrue(order(shopper, cancelled).getBoolean("archived"));
    }

    @Test
    void archiveRunsRejectABadAgeAndAreForAdminsOnly() {
        var response = Http.send("POST", services.publicUrl() + "/api/admin/order-archive/runs?olderThanDays=-1", null,
                Customers.adminToken(services));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", Http.contentType(response));
        var shopper = Customers.shopper(services);
        assertEquals(403,
                Http.send("POST", services.publicUrl() + "/api/admin/order-archive/runs", null, shopper.token())
                        .statusCode());
    }

    private UUID place(Customers.Shopper shopper, UUID product, int quantity) {
        var placed = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), product, quantity));
        assertEquals(201, placed.statusCode(), placed.body());
        return UUID.fromString(Http.json(placed).getString("id"));
    }

    private void move(UUID order, String status) {
        var response = Http.send("POST", services.publicUrl() + "/api/admin/orders/" + order + "/status",
                "{\"status\":\"" + status + "\"}", Customers.adminToken(services));
        assertEquals(200, response.statusCode(), response.body());
    }

    private void backdate(UUID... orders) throws Exception {
        try (var connection = services.connect("orders_db"); var update = connection
                .prepareStatement("UPDATE orders SET updated_at = now() - interval '31 days' WHERE id = ?")) {
            for (UUID order : orders) {
                update.setObject(1, order);
                assertEquals(1, update.executeUpdate());
            }
        }
    }

    private JsonObject order(Customers.Shopper shopper, UUID order) {
        var response = Http.send("GET", services.publicUrl() + "/api/orders/" + order, null, shopper.token());
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private JsonObject list(Customers.Shopper shopper, int page, int size) {
        var response = Http.send("GET", services.publicUrl() + "/api/orders?page=" + page + "&size=" + size, null,
                shopper.token());
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static List<String> history(JsonObject order) {
        return order.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("from", null) + ">" + c.getString("to") + " by " + c.getString("by") + " at "
                        + java.time.Instant.parse(c.getString("at")).truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .toList();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    private JsonObject admin(String method, String path) {
        var response = Http.send(method, services.publicUrl() + path, null, Customers.adminToken(services));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }
}
