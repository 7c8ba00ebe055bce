package dev.orderflow.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.KafkaProbe;
import dev.orderflow.testsupport.TestServices;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One request's correlation id in nginx's access log, the application's log, and its event's Kafka headers. */
@ExtendWith(ArquillianExtension.class)
class CorrelationIdIT {

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @Test
    void aCheckoutsCorrelationIdIsInTheAccessLogTheServerLogAndTheEventHeaders() throws Exception {
        var shopper = Customers.shopper(services);
        var product = CatalogFixture.product(services, new BigDecimal("2.00"), 5);
        String cid = "it-" + UUID.randomUUID();
        UUID order;
        try (var orderEvents = KafkaProbe.tail("order-events")) {
            var response = Checkouts.place(services.publicUrl(), shopper.token(), UUID.randomUUID().toString(),
                    Checkouts.body(shopper.addressId(), product.id(), 1), cid);
            assertEquals(201, response.statusCode(), response.body());
            assertEquals(cid, response.headers().firstValue("X-Correlation-Id").orElse(null));
            order = UUID.fromString(Http.json(response).getString("id"));
            var created = KafkaProbe
                    .ofType(orderEvents.awaitRecords(seen -> !KafkaProbe.ofType(seen, "order.created", order).isEmpty(),
                            Duration.ofSeconds(30)), "order.created", order)
                    .get(0);
            assertEquals(cid, KafkaProbe.header(created, "correlation-id"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertTrue(Files.readString(services.nginxAccessLog()).lines()
                    .anyMatch(l -> l.contains("POST /api/orders") && l.contains("cid=" + cid)), "nginx access log");
            assertTrue(
                    Files.readString(serverLog()).lines()
                            .anyMatch(l -> l.contains("[cid=" + cid + "]") && l.contains("order " + order + " placed")),
                    "application log");
        });
    }

    @Test
    void aRequestWithoutOneGetsOneAndAnUnsafeOneIsReplaced() throws Exception {
        var plain = Http.get(services.publicUrl() + "/api/products?size=1");
        String generated = plain.headers().firstValue("X-Correlation-Id").orElse("");
        assertTrue(generated.matches("[0-9a-f-]{32,36}"), generated);

        var direct = Http.get(services.nodeUrl() + "/api/products?size=1"); // no nginx: the node makes one
        assertTrue(direct.headers().firstValue("X-Correlation-Id").orElse("").matches("[0-9a-f-]{36}"));

        var unsafe = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(services.nodeUrl() + "/api/products?size=1"))
                        .header("X-Correlation-Id", "<script>alert(1)</script>").build(),
                        HttpResponse.BodyHandlers.ofString());
        String replaced = unsafe.headers().firstValue("X-Correlation-Id").orElse("");
        assertNotEquals("<script>alert(1)</script>", replaced);
        assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
    }

    private static Path serverLog() {
        return Path.of(System.getProperty("it.server.base"), "log", "server.log");
    }
}
