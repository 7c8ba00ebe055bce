package dev.orderflow.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
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
        assertEquals(7, alerts, "the alert rules are loaded");
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
