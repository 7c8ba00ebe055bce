package dev.orderflow.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Customers.Shopper;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checkout through nginx under concurrency: never oversold, exactly once per Idempotency-Key. */
@ExtendWith(ArquillianExtension.class)
class CheckoutIT {

    private static ExecutorService pool;
    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(32);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void sellsExactlyTheStockWhenTwoHundredCheckoutsRaceForFifty() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("19.99"), 30, 20);
        List<Shopper> shoppers = all(
                IntStream.range(0, 50).mapToObj(i -> (Callable<Shopper>) () -> Customers.shopper(services)).toList());

        var start = new CountDownLatch(1);
        var attempts = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 200; i++) {
            Shopper shopper = shoppers.get(i % shoppers.size());
            attempts.add(() -> {
                start.await();
                return Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                        Checkouts.body(shopper.addressId(), product.id(), 1));
            });
        }
        List<Future<HttpResponse<String>>> futures = attempts.stream().map(pool::submit).toList();
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (var future : futures) {
            responses.add(future.get());
        }

        long placed = responses.stream().filter(r -> r.statusCode() == 201).count();
        var refused = responses.stream().filter(r -> r.statusCode() != 201).toList();
        assertEquals(50, placed,
                () -> "placed " + placed + "; a refusal: " + refused.stream().findFirst().map(HttpResponse::body));
        for (var response : refused) {
            assertEquals(409, response.statusCode(), response.body());
            assertEquals("https://orderflow.dev/problems/insufficient-stock", Http.json(response).getString("type"));
        }
        assertEquals(0, CatalogFixture.totalStock(services, product.id()));
        assertTrue(CatalogFixture.stock(services, product.id()).values().stream().allMatch(q -> q == 0));
        assertEquals(50, orderedQuantity(product.id()));
        assertEquals(50, createdEvents(product.id()));
    }

    @Test
    void placesOneOrderWhenTwentyRequestsRaceWithOneKey() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("5.00"), 10);
        Shopper shopper = Customers.shopper(services);
        String key = "race-" + UUID.randomUUID();
        String body = Checkouts.body(shopper.addressId(), product.id(), 2);

        var start = new CountDownLatch(1);
        List<HttpResponse<String>> responses = all(
                IntStream.range(0, 20).mapToObj(i -> (Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return Checkouts.place(services, shopper.token(), key, body);
                }).toList(), start);

        var orderIds = new HashSet<String>();
        for (var response : responses) {
            assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
            orderIds.add(Http.json(response).getString("id"));
        }
        assertEquals(1, orderIds.size(), "every response names the same order");
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(), "exactly one created it");
        assertEquals(1, ordersOf(shopper.customer().id()));
        assertEquals(8, CatalogFixture.totalStock(services, product.id()));
    }

    @Test
    void refusesAKeyReusedWithADifferentBodyAndChangesNothing() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("5.00"), 10);
        Shopper shopper = Customers.shopper(services);
        String key = "reuse-" + UUID.randomUUID();
        assertEquals(201,
                Checkouts.place(services, shopper.token(), key, Checkouts.body(shopper.addressId(), product.id(), 1))
                        .statusCode());

        var reused = Checkouts.place(services, shopper.token(), key,
                Checkouts.body(shopper.addressId(), product.id(), 3));

        assertEquals(409, reused.statusCode(), reused.body());
        assertEquals("https://orderflow.dev/problems/idempotency-key-reused", Http.json(reused).getString("type"));
        assertEquals(1, ordersOf(shopper.customer().id()));
        assertEquals(9, CatalogFixture.totalStock(services, product.id()));
    }

    /**
     * Orders arriving together are placed in shared transactions (group commit, {@code CheckoutBatcher}); each still
     * gets the answer it would get alone: stock short, a key repeated, a key reused with another body, a product not
     * sold, all mixed into one burst with orders that place cleanly. Nothing is sold twice or lost, and the combined
     * transactions did run (the node's counters).
     */
    @Test
    void placesOrdersArrivingTogetherInSharedTransactionsWithTheAnswerEachWouldGetAlone() throws Exception {
        var scarce = CatalogFixture.product(services, new BigDecimal("7.00"), 12, 8);
        var plenty = CatalogFixture.product(services, new BigDecimal("3.00"), 1000);
        List<Shopper> shoppers = all(
                IntStream.range(0, 16).mapToObj(i -> (Callable<Shopper>) () -> Customers.shopper(services)).toList());
        Shopper repeater = shoppers.get(0);
        String repeatedKey = "together-" + UUID.randomUUID();
        String repeatedBody = Checkouts.body(repeater.addressId(), plenty.id(), 2);
        Shopper reuser = shoppers.get(1);
        String usedKey = "used-" + UUID.randomUUID();
        assertEquals(201,
                Checkouts.place(services, reuser.token(), usedKey, Checkouts.body(reuser.addressId(), plenty.id(), 1))
                        .statusCode());
        long batchesBefore = nodeCounter("checkout_batches_total");
        long batchedBefore = nodeCounter("checkout_batched_orders_total");

        var kinds = new ArrayList<String>();
        IntStream.range(0, 40).forEach(i -> kinds.add("scarce"));
        IntStream.range(0, 40).forEach(i -> kinds.add("plenty"));
        IntStream.range(0, 10).forEach(i -> kinds.add("repeated"));
        IntStream.range(0, 5).forEach(i -> kinds.add("unknown"));
        IntStream.range(0, 5).forEach(i -> kinds.add("reused"));
        java.util.Collections.shuffle(kinds, new java.util.Random(7));
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < kinds.size(); i++) {
            Shopper shopper = shoppers.get(2 + i % (shoppers.size() - 2));
            String kind = kinds.get(i);
            tasks.add(() -> {
                start.await();
                return switch (kind) {
                case "scarce" -> Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                        Checkouts.body(shopper.addressId(), scarce.id(), 1));
                case "plenty" -> Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                        Checkouts.body(shopper.addressId(), plenty.id(), 1));
                case "repeated" -> Checkouts.place(services, repeater.token(), repeatedKey, repeatedBody);
                case "unknown" -> Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                        Checkouts.body(shopper.addressId(), UUID.randomUUID(), 1));
                default -> Checkouts.place(services, reuser.token(), usedKey,
                        Checkouts.body(reuser.addressId(), plenty.id(), 3));
                };
            });
        }
        List<HttpResponse<String>> responses = all(tasks, start);

        var byKind = new java.util.HashMap<String, List<HttpResponse<String>>>();
        for (int i = 0; i < kinds.size(); i++) {
            byKind.computeIfAbsent(kinds.get(i), k -> new ArrayList<>()).add(responses.get(i));
        }
        var scarceAnswers = byKind.get("scarce");
        assertEquals(20, scarceAnswers.stream().filter(r -> r.statusCode() == 201).count());
        scarceAnswers.stream().filter(r -> r.statusCode() != 201)
                .forEach(r -> assertProblem(r, 409, "insufficient-stock"));
        byKind.get("plenty").forEach(r -> assertEquals(201, r.statusCode(), r.body()));
        var repeated = byKind.get("repeated");
        assertEquals(1, repeated.stream().filter(r -> r.statusCode() == 201).count(), "one request created it");
        repeated.forEach(r -> assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body()));
        assertEquals(1, repeated.stream().map(r -> Http.json(r).getString("id")).distinct().count());
        byKind.get("unknown").forEach(r -> assertProblem(r, 409, "product-not-available"));
        byKind.get("reused").forEach(r -> assertProblem(r, 409, "idempotency-key-reused"));

        assertEquals(0, CatalogFixture.totalStock(services, scarce.id()));
        assertEquals(20, orderedQuantity(scarce.id()));
        assertEquals(20, createdEvents(scarce.id()));
        assertEquals(20, stockMovedOut(scarce.id()));
        assertEquals(1000 - 1 - 40 - 2, CatalogFixture.totalStock(services, plenty.id()));
        assertEquals(1 + 40 + 2, orderedQuantity(plenty.id()));
        assertEquals(1 + 40 + 2, stockMovedOut(plenty.id()));
        assertEquals(1, ordersOf(repeater.customer().id()));
        assertEquals(1, ordersOf(reuser.customer().id()));
        long batches = nodeCounter("checkout_batches_total") - batchesBefore;
        long batched = nodeCounter("checkout_batched_orders_total") - batchedBefore;
        assertTrue(batched > batches,
                "some transaction placed several orders: " + batched + " orders in " + batches + " transactions");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("https://orderflow.dev/problems/" + type, Http.json(response).getString("type"));
    }

    @Test
    void hidesOneCustomersOrderFromAnother() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("5.00"), 5);
        Shopper ann = Customers.shopper(services);
        Shopper bob = Customers.shopper(services);
        var placed = Checkouts.place(services, ann.token(), UUID.randomUUID().toString(),
                Checkouts.body(ann.addressId(), product.id(), 1));
        String url = services.publicUrl() + "/api/orders/" + Http.json(placed).getString("id");

        assertEquals(200, Http.send("GET", url, null, ann.token()).statusCode());
        assertEquals(404, Http.send("GET", url, null, bob.token()).statusCode());
        assertEquals(404, Http.send("POST", url + "/cancel", null, bob.token()).statusCode());
        assertEquals("pending", Http.json(Http.send("GET", url, null, ann.token())).getString("status"));
    }

    private <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        return all(tasks, null);
    }

    private <T> List<T> all(List<Callable<T>> tasks, CountDownLatch start) throws Exception {
        List<Future<T>> futures = tasks.stream().map(pool::submit).toList();
        if (start != null) {
            start.countDown();
        }
        var results = new ArrayList<T>();
        for (var future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private long orderedQuantity(UUID product) throws SQLException {
        return services.queryLong("orders_db",
                "SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = ?", product);
    }

    private long createdEvents(UUID product) throws SQLException {
        return services.queryLong("orders_db", """
                SELECT count(*) FROM outbox_events e WHERE e.event_type = 'order.created'
                AND e.aggregate_id IN (SELECT order_id FROM order_items WHERE product_id = ?)
                """, product);
    }

    private long stockMovedOut(UUID product) throws SQLException {
        return services.queryLong("products_db",
                "SELECT coalesce(-sum(delta), 0) FROM stock_movements WHERE product_id = ? AND reason = 'order'",
                product);
    }

    /** A counter of the node under test, from its application metrics (summed over its series). */
    private long nodeCounter(String name) {
        double total = 0;
        for (String line : Http.send("GET", services.nodeUrl() + "/ops/metrics", null, null).body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) total;
    }

    private long ordersOf(UUID customer) throws SQLException {
        return services.queryLong("orders_db", "SELECT count(*) FROM orders WHERE user_id = ?", customer);
    }

}
