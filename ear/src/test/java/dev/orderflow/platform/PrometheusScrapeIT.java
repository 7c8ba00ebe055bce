package dev.orderflow.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.Metrics;
import dev.orderflow.testsupport.PaymentGatewayControl;
import dev.orderflow.testsupport.TestServices;
import dev.orderflow.testsupport.TestServices.Service;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stack's Prometheus scrapes the node under test (application metrics and WildFly's) and has the alert rules
 * loaded; a checkout moves the series it scraped.
 */
@ExtendWith(ArquillianExtension.class)
class PrometheusScrapeIT {

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @Test
    void scrapesTheNodeAndSeesACheckoutMoveItsSeries() throws Exception {
        String checkouts = "sum(checkout_requests_total{job=\"orderflow\",node=\"it\"})";
        double before = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> value(checkouts),
                v -> !Double.isNaN(v));
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("1.00"), 5);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                    Checkouts.body(shopper.addressId(), product.id(), 1)).statusCode());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(value(checkouts) >= before + 3));
        for (String series : new String[] { "events_consumer_lag{node=\"it\",group=\"payment\"}",
                "outbox_backlog{node=\"it\"}",
                "wildfly_datasources_pool_in_use_count{node=\"it\",xa_data_source=\"OrdersDS\"}",
                "wildfly_undertow_request_count_total{node=\"it\",http_listener=\"default\"}" }) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .untilAsserted(() -> assertTrue(!Double.isNaN(value(series)), series));
        }
        var rules = Http.json(Http.get(services.prometheusUrl() + "/api/v1/rules"));
        long alerts = rules.getJsonObject("data").getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("rules").getValuesAs(JsonObject.class).stream())
                .filter(r -> "alerting".equals(r.getString("type"))).count();
        assertEquals(8, alerts, "the alert rules are loaded");
    }

    /**
     * A short scripted load on the node under test, and every series an operator watches, read back through the
     * Prometheus HTTP API (scraped every 5 s), changed: checkouts (card and invoice, one refused for stock, one
     * invalid), product page reads (cache miss then hits), a Kafka outage while orders come in (outbox backlog and age
     * rise, send failures), a Redis outage (a cart read fails), a slow gateway (payment consumer lag), and a failing
     * gateway that opens its circuit breaker until it recovers. Counters must have grown; gauges must have moved during
     * the load (max_over_time over the load's window) where the load makes them move.
     */
    @Test
    void scriptedLoadMovesEverySeriesAnOperatorWatches() throws Exception {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> !Double.isNaN(value("sum(checkout_requests_total{node=\"it\"})")));
        long started = System.currentTimeMillis();
        var counters = new java.util.LinkedHashMap<String, Double>();
        for (String series : GROWING) {
            counters.put(series, orZero(value("sum(" + series + ")")));
        }
        double ratioBefore = value(HIT_RATIO); // NaN before the node's first product read
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("2.50"), 500);
        try {
            // product pages: the first read misses the cache, the next ones hit
            for (int i = 0; i < 5; i++) {
                assertEquals(200, Http.get(services.publicUrl() + "/api/products/" + product.id()).statusCode());
            }
            // a slow gateway keeps the payment group behind: card payments of 1 s each, 8 at a time, ordered until
            // a scrape has seen the lag (read on the node every 2 s, scraped every 5 s, committed every second)
            PaymentGatewayControl.set(services, "approve", 1000);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (int i = 0; i < 8; i++) {
                    order(shopper, Checkouts.body(shopper.addressId(), product.id(), 1, "card"), 201);
                }
                return orZero(value("max(events_consumer_lag{node=\"it\",group=\"payment\"})")) > 0;
            });
            var scarce = CatalogFixture.product(services, new BigDecimal("9.00"), 1);
            order(shopper, Checkouts.body(shopper.addressId(), scarce.id(), 2), 409);
            order(shopper, "{}", 400);

            // Kafka down while orders keep coming: they are accepted, the outbox fills and ages, sends fail
            services.stop(Service.KAFKA);
            try {
                for (int i = 0; i < 5; i++) {
                    order(shopper, Checkouts.body(shopper.addressId(), product.id(), 1), 201);
                }
                Thread.sleep(12_000); // two scrapes at least
            } finally {
                services.start(Service.KAFKA);
            }
            // Redis down: a cart read fails with 503
            services.stop(Service.REDIS);
            try {
                assertEquals(503,
                        Http.send("GET", services.publicUrl() + "/api/cart", null, shopper.token()).statusCode());
            } finally {
                services.start(Service.REDIS);
            }
            // Redisson reconnects with a backoff of up to a few seconds: the node answers 503 until it has
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Http
                    .send("GET", services.publicUrl() + "/api/cart", null, shopper.token()).statusCode() == 200);
            await().atMost(Duration.ofSeconds(120)).until(() -> Metrics.value(services, "outbox_backlog", null) == 0);

            // a failing gateway opens the circuit breaker (on whichever node consumes the payments)
            PaymentGatewayControl.set(services, "error", 0);
            for (int i = 0; i < 4; i++) {
                order(shopper, Checkouts.body(shopper.addressId(), product.id(), 1, "card"), 201);
            }
            // open for 3 s, then half-open until the next call: Prometheus sees it not closed
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> value("max(payment_gateway_circuit_state{state!=\"closed\"})") == 1);
        } finally {
            PaymentGatewayControl.reset(services);
        }
        // the gateway is back: a payment arriving while the breaker is half-open closes it (one arriving while it
        // is open fails at once and is dead-lettered, so keep ordering until it closes)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(4)).until(() -> {
            order(shopper, Checkouts.body(shopper.addressId(), product.id(), 1, "card"), 201);
            return value("min(payment_gateway_circuit_state{state=\"closed\"})") == 1;
        });
        Thread.sleep(11_000); // the last values scraped
        // records held while the breaker was open come back after pauses of up to 30 s; the relay drains their rows
        await().atMost(Duration.ofSeconds(60)).until(() -> value("max(outbox_backlog{node=\"it\"})") == 0);

        String window = "[" + ((System.currentTimeMillis() - started) / 1000 + 10) + "s]";
        for (var counter : counters.entrySet()) {
            double after = orZero(value("sum(" + counter.getKey() + ")"));
            assertTrue(after > counter.getValue(),
                    counter.getKey() + " did not grow: " + counter.getValue() + " -> " + after);
        }
        for (String gauge : ROSE) {
            double max = value("max(max_over_time(" + gauge + window + "))");
            assertTrue(max > 0, gauge + " did not rise during the load: " + max);
        }
        for (String series : PRESENT) {
            assertTrue(!Double.isNaN(value("max(" + series + ")")), series + " missing");
        }
        for (String buckets : LATENCIES) {
            double p99 = value("histogram_quantile(0.99, sum by (le) (rate(" + buckets + window + ")))");
            assertTrue(p99 > 0 && p99 <= 10, buckets + ": no p99 from its buckets: " + p99);
        }
        double ratioAfter = value(HIT_RATIO);
        assertTrue(ratioAfter > 0 && ratioAfter != ratioBefore,
                "the cache hit ratio moved: " + ratioBefore + " -> " + ratioAfter);
        assertEquals(0, value("max(outbox_backlog{node=\"it\"})"), "the backlog drained");
    }

    private static final String HIT_RATIO = "max(product_cache_hit_ratio{node=\"it\"})";

    /** Counters (and timer counts) that the load makes grow. */
    private static final String[] GROWING = { "checkout_requests_total{node=\"it\"}",
            "checkout_duration_seconds_count{node=\"it\"}", "orders_placed_total{node=\"it\",payment_method=\"card\"}",
            "orders_placed_total{node=\"it\",payment_method=\"invoice\"}",
            "orders_rejected_total{node=\"it\",reason=\"insufficient_stock\"}",
            "orders_rejected_total{node=\"it\",reason=\"invalid_request\"}",
            "http_server_requests_seconds_count{node=\"it\",method=\"POST\",route=\"/api/orders\",status=\"201\"}",
            "http_server_requests_seconds_count{node=\"it\",method=\"POST\",route=\"/api/orders\",status=\"409\"}",
            "http_server_requests_seconds_count{node=\"it\",method=\"POST\",route=\"/api/orders\",status=\"400\"}",
            "http_server_requests_seconds_count{node=\"it\",method=\"GET\",route=\"/api/products/{id}\",status=\"200\"}",
            "http_server_requests_seconds_count{node=\"it\",route=\"/api/cart\",status=\"503\"}",
            "product_cache_hits_total{node=\"it\"}", "product_cache_misses_total{node=\"it\"}",
            "dependency_calls_seconds_count{node=\"it\",dependency=\"redis\"}",
            // the relay runs on whichever node holds its lock, consumers where their partitions are
            "dependency_calls_seconds_count{dependency=\"kafka\",operation=\"send\"}",
            "dependency_calls_seconds_count{dependency=\"mongodb\",operation=\"insert\"}",
            "dependency_failures_total{node=\"it\",dependency=\"redis\"}",
            "dependency_failures_total{dependency=\"kafka\"}", "payment_gateway_circuit_opened_total",
            "events_consumed_total{group=\"payment\"}",
            "wildfly_datasources_pool_total_usage_time{node=\"it\",xa_data_source=\"OrdersDS\"}",
            // milliseconds: getting a connection takes less than one now that product pages come from memory, so the
            // time connections were held (every checkout holds ProductsDS through its two-phase commit) is what grows
            "wildfly_datasources_pool_total_usage_time{node=\"it\",xa_data_source=\"ProductsDS\"}",
            "wildfly_undertow_request_count_total{node=\"it\",http_listener=\"default\"}" };

    /** Gauges that must have been above zero at some scrape during the load. */
    private static final String[] ROSE = { "outbox_backlog{node=\"it\"}", "outbox_oldest_age_seconds{node=\"it\"}",
            "events_consumer_lag{node=\"it\",group=\"payment\"}", "payment_gateway_circuit_state{state!=\"closed\"}" };

    /** Timers' histogram buckets a percentile is read from with histogram_quantile (docs/metrics.md). */
    private static final String[] LATENCIES = { "checkout_duration_seconds_bucket{node=\"it\"}",
            "http_server_requests_seconds_bucket{node=\"it\",route=\"/api/orders\"}",
            "dependency_calls_seconds_bucket{node=\"it\",dependency=\"redis\"}" };

    /** Series that only have to be there (pool gauges at rest). */
    private static final String[] PRESENT = {
            "wildfly_datasources_pool_in_use_count{node=\"it\",xa_data_source=\"OrdersDS\"}",
            "wildfly_datasources_pool_wait_count{node=\"it\",xa_data_source=\"OrdersDS\"}",
            "wildfly_datasources_pool_available_count{node=\"it\",xa_data_source=\"OrdersDS\"}" };

    private void order(Customers.Shopper shopper, String body, int expectedStatus) {
        var response = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(), body);
        assertEquals(expectedStatus, response.statusCode(), response.body());
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** The query's single value now, or NaN when it has no series. */
    private double value(String query) {
        var response = Http.get(
                services.prometheusUrl() + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        var result = Http.json(response).getJsonObject("data").getJsonArray("result");
        if (result.isEmpty()) {
            return Double.NaN;
        }
        return Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1));
    }
}
