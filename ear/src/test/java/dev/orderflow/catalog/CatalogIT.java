package dev.orderflow.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product listing through nginx, its input validation, and the metrics it moves. */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @Test
    void listsActiveProductsFromProductsDbPageByPage() throws SQLException {
        deleteEarlierTestProducts();
        String marker = "\u0001catalog-it"; // sorts before any real name
        insertProduct(marker + " a", new BigDecimal("12.34"), true);
        insertProduct(marker + " b", new BigDecimal("0.99"), true);
        insertProduct(marker + " c (inactive)", new BigDecimal("5.00"), false);

        var response = Http.get(services.publicUrl() + "/api/products?page=1&size=2");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject page = Http.json(response);
        var items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, items.size());
        assertEquals(marker + " a", items.get(0).getString("name"));
        assertEquals(new BigDecimal("12.34"), items.get(0).getJsonNumber("price").bigDecimalValue());
        assertEquals(marker + " b", items.get(1).getString("name"));
        assertEquals(activeProducts(), page.getJsonNumber("totalItems").longValue());
        assertEquals(2, page.getInt("size"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "page=0|page", "page=abc|page", "size=101|size", "size=-5|size",
            "page=1%27%20OR%201%3D1|page", "size=%3Cscript%3E|size" })
    void rejectsInvalidPagingWithAProblemNamingTheField(String query, String field) {
        var response = Http.get(services.publicUrl() + "/api/products?" + query);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(Http.contentType(response).startsWith("application/problem+json"), Http.contentType(response));
        JsonObject problem = Http.json(response);
        assertEquals(400, problem.getInt("status"));
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        var response = Http.get(services.publicUrl() + "/api/no-such-thing");
        assertEquals(404, response.statusCode());
        assertTrue(Http.contentType(response).startsWith("application/problem+json"));
    }

    @Test
    void countsAndTimesListingsInTheApplicationMetrics() {
        double listingsBefore = metric("catalog_listings_total");
        double timedBefore = metric("catalog_listing_duration_seconds_count");

        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(services.publicUrl() + "/api/products").statusCode());
        }

        assertEquals(listingsBefore + 3, metric("catalog_listings_total"));
        assertEquals(timedBefore + 3, metric("catalog_listing_duration_seconds_count"));
    }

    @Test
    void keepsOperationsEndpointsOffThePublicPort() {
        assertEquals(200, Http.get(services.nodeUrl() + "/ops/metrics").statusCode());
        assertEquals(404, Http.get(services.publicUrl() + "/ops/metrics").statusCode());
        assertEquals(404, Http.get(services.publicUrl() + "/console").statusCode());
        assertEquals(404, Http.get(services.publicUrl() + "/management").statusCode());
    }

    @Test
    void servesTheOpenApiDocumentAndItsBrowser() {
        var openapi = Http.get(services.publicUrl() + "/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/products"), openapi.body());
        assertEquals(200, Http.get(services.publicUrl() + "/docs/").statusCode());
    }

    private double metric(String name) {
        String body = Http.get(services.nodeUrl() + "/ops/metrics").body();
        var matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(body);
        if (!matcher.find()) {
            return 0;
        }
        return Double.parseDouble(matcher.group(1));
    }

    private void insertProduct(String name, BigDecimal price, boolean active) throws SQLException {
        try (var connection = services.connect("products_db"); var insert = connection
                .prepareStatement("INSERT INTO products (id, sku, name, price, active) VALUES (?, ?, ?, ?, ?)")) {
            UUID id = UUID.randomUUID();
            insert.setObject(1, id);
            insert.setString(2, "IT-CATALOG-" + id);
            insert.setString(3, name);
            insert.setBigDecimal(4, price);
            insert.setBoolean(5, active);
            insert.executeUpdate();
        }
    }

    private void deleteEarlierTestProducts() throws SQLException {
        try (var connection = services.connect("products_db"); var delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM products WHERE sku LIKE 'IT-CATALOG-%'");
        }
    }

    private long activeProducts() throws SQLException {
        return services.queryLong("products_db", "SELECT count(*) FROM products WHERE active");
    }
}
