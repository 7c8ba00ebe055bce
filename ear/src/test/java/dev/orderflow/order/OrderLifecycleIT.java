package dev.orderflow.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Customers.Shopper;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order life cycle through the API: admins move orders, cancellation gives stock back exactly. */
@ExtendWith(ArquillianExtension.class)
class OrderLifecycleIT {

    private final TestServices services = TestServices.get();
    private String admin;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeEach
    void loginAdmin() {
        admin = Customers.adminToken(services);
    }

    @Test
    void cancellingAConfirmedOrderGivesBackExactlyItsStock() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("7.50"), 2, 5);
        Map<UUID, Integer> before = CatalogFixture.stock(services, product.id());
        Shopper shopper = Customers.shopper(services);
        String order = place(shopper, product.id(), 4);
        assertEquals(3, CatalogFixture.totalStock(services, product.id()));

        assertEquals(200, move(order, "confirmed").statusCode());
        var cancelled = Http.send("POST", orderUrl(order) + "/cancel", null, shopper.token());

        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", Http.json(cancelled).getString("status"));
        assertEquals(before, CatalogFixture.stock(services, product.id()), "every warehouse back where it was");
        var again = Http.send("POST", orderUrl(order) + "/cancel", null, shopper.token());
        assertEquals(409, again.statusCode());
        assertEquals(before, CatalogFixture.stock(services, product.id()), "a second cancel gives nothing back");
    }

    @Test
    void refusesToCancelAShippedOrderAndChangesNothing() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("7.50"), 5);
        Shopper shopper = Customers.shopper(services);
        String order = place(shopper, product.id(), 2);
        for (String status : new String[] { "confirmed", "processing", "shipped" }) {
            assertEquals(200, move(order, status).statusCode());
        }

        var cancel = Http.send("POST", orderUrl(order) + "/cancel", null, shopper.token());

        assertEquals(409, cancel.statusCode(), cancel.body());
        assertEquals("https://orderflow.dev/problems/illegal-order-transition", Http.json(cancel).getString("type"));
        assertEquals("shipped", status(shopper, order));
        assertEquals(3, CatalogFixture.totalStock(services, product.id()));
    }

    @ParameterizedTest
    @CsvSource({ "'',shipped", "'',delivered", "'',processing", "'confirmed,processing',confirmed",
            "'confirmed,processing,shipped,delivered',cancelled", "'cancelled',confirmed" })
    void refusesEveryTransitionTheLifeCycleForbids(String path, String target) throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("1.00"), 5);
        Shopper shopper = Customers.shopper(services);
        String order = place(shopper, product.id(), 1);
        for (String status : path.isEmpty() ? new String[0] : path.split(",")) {
            assertEquals(200, move(order, status).statusCode());
        }
        String before = status(shopper, order);
        int historyBefore = Http.json(Http.send("GET", orderUrl(order), null, shopper.token())).getJsonArray("history")
                .size();

        var refused = move(order, target);

        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(before, status(shopper, order));
        assertEquals(historyBefore,
                Http.json(Http.send("GET", orderUrl(order), null, shopper.token())).getJsonArray("history").size());
    }

    @Test
    void recordsEveryStepInTheHistoryAndTheOutbox() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("1.00"), 5);
        Shopper shopper = Customers.shopper(services);
        String order = place(shopper, product.id(), 1);
        for (String status : new String[] { "confirmed", "processing", "shipped", "delivered" }) {
            assertEquals(200, move(order, status).statusCode());
        }

        var history = Http.json(Http.send("GET", orderUrl(order), null, shopper.token())).getJsonArray("history");
        assertEquals(5, history.size());
        try (var connection = services.connect("orders_db"); var query = connection.prepareStatement(
                "SELECT string_agg(event_type, ',' ORDER BY occurred_at) FROM outbox_events WHERE aggregate_id = ? AND event_type LIKE 'order.%'")) {
            query.setObject(1, UUID.fromString(order));
            try (var rows = query.executeQuery()) {
                rows.next();
                assertEquals("order.created,order.confirmed,order.processing,order.shipped,order.delivered",
                        rows.getString(1));
            }
        }
    }

    @Test
    void keepsFulfilmentToAdmins() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("1.00"), 5);
        Shopper shopper = Customers.shopper(services);
        String order = place(shopper, product.id(), 1);

        var byCustomer = Http.send("POST", services.publicUrl() + "/api/admin/orders/" + order + "/status",
                Json.createObjectBuilder().add("status", "confirmed").build().toString(), shopper.token());

        assertEquals(403, byCustomer.statusCode());
        assertEquals("pending", status(shopper, order));
    }

    private String place(Shopper shopper, UUID product, int quantity) {
        var response = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), product, quantity));
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getString("id");
    }

    private java.net.http.HttpResponse<String> move(String order, String status) {
        return Http.send("POST", services.publicUrl() + "/api/admin/orders/" + order + "/status",
                Json.createObjectBuilder().add("status", status).build().toString(), admin);
    }

    private String status(Shopper shopper, String order) {
        return Http.json(Http.send("GET", orderUrl(order), null, shopper.token())).getString("status");
    }

    private String orderUrl(String order) {
        return services.publicUrl() + "/api/orders/" + order;
    }
}
