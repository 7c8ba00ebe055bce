package dev.orderflow.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Customers.Shopper;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.RedisProbe;
import dev.orderflow.testsupport.TestServices;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Carts in Redis through the API, and ordering a cart. The EAR is deployed per test, so one can redeploy it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartIT {

    private static final String EAR = "orderflow";
    private final TestServices services = TestServices.get();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeEach
    void deploy() {
        deployer.deploy(EAR);
    }

    @AfterEach
    void undeploy() {
        deployer.undeploy(EAR);
    }

    @Test
    void keepsTheCartSevenDaysWithCurrentPricesAndSurvivesARedeploy() throws Exception {
        var cheap = CatalogFixture.product(services, new BigDecimal("2.50"), 10);
        var scarce = CatalogFixture.product(services, new BigDecimal("100.00"), 1);
        Shopper shopper = Customers.shopper(services);

        assertEquals(200, put(shopper, cheap.id(), 4).statusCode());
        JsonObject cart = Http.json(put(shopper, scarce.id(), 2));
        assertEquals(new BigDecimal("210.00"), cart.getJsonNumber("total").bigDecimalValue());
        assertEquals(2, cart.getJsonArray("lines").size());
        long ttl = RedisProbe.ttl("cart:" + shopper.customer().id());
        assertTrue(ttl > Duration.ofDays(7).minusMinutes(1).toSeconds() && ttl <= Duration.ofDays(7).toSeconds(),
                "TTL " + ttl);

        deployer.undeploy(EAR);
        deployer.deploy(EAR);

        JsonObject after = Http.json(Http.send("GET", services.publicUrl() + "/api/cart", null, shopper.token()));
        assertEquals(2, after.getJsonArray("lines").size(), after.toString());
        var scarceLine = after.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("productId").equals(scarce.id().toString())).findFirst().orElseThrow();
        assertEquals(false, scarceLine.getBoolean("available"), "2 wanted, 1 in stock");
    }

    @Test
    void changesRemovesAndClearsLinesAndOrdersTheCart() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("3.00"), 10);
        var other = CatalogFixture.product(services, new BigDecimal("1.00"), 10);
        Shopper shopper = Customers.shopper(services);
        put(shopper, product.id(), 1);
        put(shopper, other.id(), 1);
        put(shopper, product.id(), 3);
        var removed = Http.send("DELETE", services.publicUrl() + "/api/cart/items/" + other.id(), null,
                shopper.token());
        assertEquals(1, Http.json(removed).getJsonArray("lines").size());

        var order = Http.send("POST", services.publicUrl() + "/api/orders",
                Json.createObjectBuilder().add("shippingAddressId", shopper.addressId().toString()).build().toString(),
                shopper.token(), "cart-" + UUID.randomUUID());

        assertEquals(201, order.statusCode(), order.body());
        assertEquals(3, Http.json(order).getJsonArray("lines").getJsonObject(0).getInt("quantity"));
        assertEquals(7, CatalogFixture.totalStock(services, product.id()));
        var emptied = Http.json(Http.send("GET", services.publicUrl() + "/api/cart", null, shopper.token()));
        assertEquals(0, emptied.getJsonArray("lines").size(), "the cart is cleared after the order commits");
        assertEquals(204, Http.send("DELETE", services.publicUrl() + "/api/cart", null, shopper.token()).statusCode());
    }

    @Test
    void enforcesQuantityAndProductRules() throws Exception {
        var product = CatalogFixture.product(services, new BigDecimal("3.00"), 10);
        Shopper shopper = Customers.shopper(services);

        assertEquals(400, put(shopper, product.id(), 0).statusCode());
        assertEquals(400, put(shopper, product.id(), 100).statusCode());
        assertEquals(409, put(shopper, UUID.randomUUID(), 1).statusCode(), "unknown product");
        assertEquals(0, Http.json(Http.send("GET", services.publicUrl() + "/api/cart", null, shopper.token()))
                .getJsonArray("lines").size());
    }

    private java.net.http.HttpResponse<String> put(Shopper shopper, UUID product, int quantity) {
        return Http.send("PUT", services.publicUrl() + "/api/cart/items/" + product,
                Json.createObjectBuilder().add("quantity", quantity).build().toString(), shopper.token());
    }
}
