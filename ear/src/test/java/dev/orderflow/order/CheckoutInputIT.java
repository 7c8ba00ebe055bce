package dev.orderflow.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.CatalogFixture.StockedProduct;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Customers.Shopper;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad checkout input, table-driven: every case gets the right 4xx as application/problem+json and the databases are
 * unchanged afterwards. Through nginx, as a shop front end would send it.
 */
@ExtendWith(ArquillianExtension.class)
class CheckoutInputIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final TestServices services = TestServices.get();
    private Shopper shopper;
    private Shopper otherShopper;
    private StockedProduct product;

    /** One bad request: what is sent and what must come back. */
    record Case(String name, String contentType, String idempotencyKey, String body, int status, String problem) {
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeEach
    void shopperAndProduct() throws SQLException {
        shopper = Customers.shopper(services);
        otherShopper = Customers.shopper(services);
        product = CatalogFixture.product(services, new BigDecimal("10.00"), 5);
    }

    private List<Case> cases() {
        String address = shopper.addressId().toString();
        String item = "{\"productId\":\"" + product.id() + "\",\"quantity\":%s}";
        String ok = "{\"shippingAddressId\":\"" + address + "\",\"items\":[" + item.formatted(1) + "]}";
        String many = Stream.generate(() -> "{\"productId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}").limit(51)
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return List.of(
                new Case("malformed JSON", "application/json", key(), "{\"shippingAddressId\":", 400, "malformed-body"),
                new Case("not JSON at all", "application/json", key(), "DROP TABLE orders;", 400, "malformed-body"),
                new Case("empty body", "application/json", key(), "", 400, "invalid-request"),
                new Case("wrong content type", "text/plain", key(), ok, 415, "unsupported-media-type"),
                new Case("address of the wrong type", "application/json", key(),
                        "{\"shippingAddressId\":42,\"items\":[" + item.formatted(1) + "]}", 400, "malformed-body"),
                new Case("quantity of the wrong type", "application/json", key(),
                        ok.replace("\"quantity\":1", "\"quantity\":\"one\""), 400, "malformed-body"),
                new Case("zero quantity", "application/json", key(), ok.replace("\"quantity\":1", "\"quantity\":0"),
                        400, "invalid-request"),
                new Case("negative quantity", "application/json", key(),
                        ok.replace("\"quantity\":1", "\"quantity\":-3"), 400, "invalid-request"),
                new Case("huge quantity", "application/json", key(),
                        ok.replace("\"quantity\":1", "\"quantity\":1000000"), 400, "invalid-request"),
                new Case("quantity beyond long", "application/json", key(),
                        ok.replace("\"quantity\":1", "\"quantity\":99999999999999999999"), 400, "invalid-request"),
                new Case("quantity that wraps to 1 as an int", "application/json", key(),
                        ok.replace("\"quantity\":1", "\"quantity\":4294967297"), 400, "invalid-request"),
                new Case("fractional quantity", "application/json", key(),
                        ok.replace("\"quantity\":1", "\"quantity\":1.5"), 400, "invalid-request"),
                new Case("no lines", "application/json", key(),
                        "{\"shippingAddressId\":\"" + address + "\",\"items\":[]}", 400, "invalid-request"),
                new Case("too many lines", "application/json", key(),
                        "{\"shippingAddressId\":\"" + address + "\",\"items\":[" + many + "]}", 400, "invalid-request"),
                new Case("same product twice", "application/json", key(),
                        "{\"shippingAddressId\":\"" + address + "\",\"items\":[" + item.formatted(1) + ","
                                + item.formatted(2) + "]}",
                        400, "invalid-request"),
                new Case("unknown product", "application/json", key(),
                        ok.replace(product.id().toString(), UUID.randomUUID().toString()), 409,
                        "product-not-available"),
                new Case("product id with SQL", "application/json", key(),
                        ok.replace(product.id().toString(), "1' OR '1'='1"), 400, "malformed-body"),
                new Case("missing address", "application/json", key(), "{\"items\":[" + item.formatted(1) + "]}", 400,
                        "invalid-request"),
                new Case("an address that does not exist", "application/json", key(),
                        ok.replace(address, UUID.randomUUID().toString()), 404, "not-found"),
                new Case("another customer's address", "application/json", key(),
                        ok.replace(address, otherShopper.addressId().toString()), 404, "not-found"),
                new Case("more than in stock", "application/json", key(),
                        ok.replace("\"quantity\":1", "\"quantity\":6"), 409, "insufficient-stock"),
                new Case("missing Idempotency-Key", "application/json", null, ok, 400, "invalid-request"),
                new Case("Idempotency-Key with SQL", "application/json", "k'; DROP TABLE orders;--", ok, 400,
                        "invalid-request"),
                new Case("Idempotency-Key with script", "application/json", "<script>alert(1)</script>", ok, 400,
                        "invalid-request"),
                new Case("Idempotency-Key too long", "application/json", "k".repeat(101), ok, 400, "invalid-request"),
                new Case("body over 1 MiB", "application/json", key(), ok + " ".repeat(1_100_000), 413,
                        "content-too-large"));
    }

    @Test
    void answersEveryBadCheckoutWithTheRightProblemAndChangesNothing() throws Exception {
        Snapshot before = snapshot();
        for (Case bad : cases()) {
            HttpResponse<String> response = send(bad);
            assertEquals(bad.status(), response.statusCode(), bad.name() + ": " + response.body());
            assertTrue(Http.contentType(response).startsWith("application/problem+json"),
                    bad.name() + ": " + Http.contentType(response));
            assertEquals("https://orderflow.dev/problems/" + bad.problem(), Http.json(response).getString("type"),
                    bad.name());
        }
        assertEquals(before, snapshot());
    }

    /** What a bad checkout could have changed. */
    record Snapshot(long orders, long keys, long stock, long outbox) {
    }

    private Snapshot snapshot() throws SQLException {
        UUID customer = shopper.customer().id();
        return new Snapshot(services.queryLong("orders_db", "SELECT count(*) FROM orders WHERE user_id = ?", customer),
                services.queryLong("orders_db", "SELECT count(*) FROM idempotency_keys WHERE customer_id = ?",
                        customer),
                CatalogFixture.totalStock(services, product.id()), services.queryLong("orders_db",
                        "SELECT count(*) FROM outbox_events WHERE payload->>'customerId' = ?::text", customer));
    }

    private HttpResponse<String> send(Case bad) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(services.publicUrl() + "/api/orders"))
                .header("Content-Type", bad.contentType()).header("Authorization", "Bearer " + shopper.token())
                .POST(HttpRequest.BodyPublishers.ofString(bad.body()));
        if (bad.idempotencyKey() != null) {
            request.header("Idempotency-Key", bad.idempotencyKey());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
