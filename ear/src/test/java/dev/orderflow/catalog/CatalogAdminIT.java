package dev.orderflow.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Catalog administration and search through the API; the product page cache and its invalidation. */
@ExtendWith(ArquillianExtension.class)
class CatalogAdminIT {

    private final TestServices services = TestServices.get();
    private String admin;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeEach
    void loginAdmin() {
        admin = Customers.adminToken(services);
    }

    @Test
    void findsProductsByTextCategoryTreeAndPriceInTheRequestedOrder() {
        String root = category("Garden " + run, null);
        String tools = category("Tools " + run, root);
        String other = category("Other " + run, null);
        String spade = product("spade-" + run, "Spade " + run, "steel blade", "25.00", tools);
        String rake = product("rake-" + run, "Rake " + run, "wide rake", "15.00", tools);
        String hose = product("hose-" + run, "Hose " + run, "20 m garden hose", "35.00", root);
        product("lamp-" + run, "Lamp " + run, "not for the garden", "20.00", other);

        assertEquals(List.of(hose, spade, rake), ids(search("category=" + root + "&sort=-price")),
                "a category includes its sub-categories");
        assertEquals(List.of(rake, spade), ids(search("category=" + tools + "&sort=price")));
        assertEquals(List.of(spade), ids(search("q=" + enc("STEEL blade") + "&category=" + root)));
        assertEquals(List.of(rake, spade), ids(search("category=" + root + "&minPrice=10&maxPrice=30&sort=price")));
        assertEquals(List.of(), ids(search("q=" + enc("%") + "&category=" + root)), "% is matched literally");
        JsonObject page = Http
                .json(Http.get(services.publicUrl() + "/api/products?category=" + root + "&size=2&page=2"));
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(1, page.getJsonArray("items").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size=101|size", "minPrice=abc|minPrice", "minPrice=-1|minPrice",
            "minPrice=5&maxPrice=1|minPrice", "maxPrice=1.999|maxPrice", "sort=price;drop|sort",
            "category=not-a-uuid|category" })
    void rejectsBadSearchParametersNamingThem(String query, String field) {
        var response = Http.get(services.publicUrl() + "/api/products?" + query.replace(";", "%3B"));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(field, Http.json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void servesChangedAndDeactivatedProductsFreshDespiteTheCache() {
        String id = product("mug-" + run, "Mug " + run, "stoneware", "9.00", null);
        setStock(id, 4);
        double hitsBefore = metric("product_cache_hits_total");

        assertEquals(new BigDecimal("9.00"), price(detail(id)));
        assertEquals(new BigDecimal("9.00"), price(detail(id)));
        assertTrue(metric("product_cache_hits_total") >= hitsBefore + 1, "the second read is a cache hit");
        assertEquals(4, detail(id).getInt("available"));

        var changed = Http.send("PUT", services.publicUrl() + "/api/admin/products/" + id,
                productJson(null, "Mug " + run, "stoneware", "11.50", null), admin);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(new BigDecimal("11.50"), price(detail(id)), "the change evicted the cached page");

        assertEquals(204,
                Http.send("DELETE", services.publicUrl() + "/api/admin/products/" + id, null, admin).statusCode());
        assertEquals(404, Http.get(services.publicUrl() + "/api/products/" + id).statusCode());
        var shopper = Customers.shopper(services);
        var checkout = Checkouts.place(services, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), UUID.fromString(id), 1));
        assertEquals(409, checkout.statusCode(), "a deactivated product is not sold");
        assertTrue(metric("product_cache_hit_ratio") > 0);
    }

    @Test
    void refusesADuplicateSkuAndUnknownCategories() {
        product("dup-" + run, "First " + run, null, "1.00", null);

        var duplicate = Http.send("POST", services.publicUrl() + "/api/admin/products",
                productJson("dup-" + run, "Second", null, "2.00", null), admin);
        var unknownCategory = Http.send("POST", services.publicUrl() + "/api/admin/products",
                productJson("cat-" + run, "Third", null, "2.00", UUID.randomUUID().toString()), admin);

        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertEquals(404, unknownCategory.statusCode(), unknownCategory.body());
    }

    private String category(String name, String parent) {
        var body = Json.createObjectBuilder().add("name", name);
        if (parent != null) {
            body.add("parentId", parent);
        }
        var response = Http.send("POST", services.publicUrl() + "/api/admin/categories", body.build().toString(),
                admin);
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getString("id");
    }

    private String product(String sku, String name, String description, String price, String category) {
        var response = Http.send("POST", services.publicUrl() + "/api/admin/products",
                productJson(sku, name, description, price, category), admin);
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getString("id");
    }

    private void setStock(String product, int quantity) {
        String warehouse = "IT-" + run;
        Http.send("POST", services.publicUrl() + "/api/admin/warehouses",
                Json.createObjectBuilder().add("code", warehouse).add("name", "Test").build().toString(), admin);
        var response = Http.send("PUT", services.publicUrl() + "/api/admin/products/" + product + "/stock/" + warehouse,
                Json.createObjectBuilder().add("quantity", quantity).build().toString(), admin);
        assertEquals(204, response.statusCode(), response.body());
        try {
            assertEquals(1, services.queryLong("orders_db", """
                    SELECT count(*) FROM outbox_events WHERE event_type = 'inventory.updated'
                    AND aggregate_id = ? AND payload->>'quantity' = ?""", java.util.UUID.fromString(product),
                    String.valueOf(quantity)), "inventory.updated recorded with the count");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String productJson(String sku, String name, String description, String price, String category) {
        var body = Json.createObjectBuilder().add("name", name).add("price", new BigDecimal(price));
        if (sku != null) {
            body.add("sku", sku);
        }
        if (description != null) {
            body.add("description", description);
        }
        if (category != null) {
            body.add("categoryId", category);
        }
        return body.build().toString();
    }

    private JsonObject search(String query) {
        var response = Http.get(services.publicUrl() + "/api/products?" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private JsonObject detail(String id) {
        var response = Http.get(services.publicUrl() + "/api/products/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static BigDecimal price(JsonObject product) {
        return product.getJsonNumber("price").bigDecimalValue();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private double metric(String name) {
        var matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$")
                .matcher(Http.get(services.nodeUrl() + "/ops/metrics").body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
