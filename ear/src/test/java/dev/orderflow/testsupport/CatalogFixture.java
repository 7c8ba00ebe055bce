package dev.orderflow.testsupport;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Products with stock in warehouses of their own, written straight into products_db for a test. */
public final class CatalogFixture {

    private CatalogFixture() {
    }

    /** A product and its warehouses' ids, in the order their stock was given. */
    public record StockedProduct(UUID id, Map<UUID, Integer> stockByWarehouse) {
    }

    public static StockedProduct product(TestServices services, BigDecimal price, int... stockPerWarehouse)
            throws SQLException {
        UUID product = UUID.randomUUID();
        var stock = new LinkedHashMap<UUID, Integer>();
        try (var connection = services.connect("products_db")) {
            connection.setAutoCommit(false);
            try (var insert = connection
                    .prepareStatement("INSERT INTO products (id, sku, name, price) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, product);
                insert.setString(2, "IT-" + product);
                insert.setString(3, "Test product " + product);
                insert.setBigDecimal(4, price);
                insert.executeUpdate();
            }
            for (int quantity : stockPerWarehouse) {
                UUID warehouse = UUID.randomUUID();
                try (var insert = connection
                        .prepareStatement("INSERT INTO warehouses (id, code, name) VALUES (?, ?, ?)")) {
                    insert.setObject(1, warehouse);
                    insert.setString(2, "IT-" + warehouse);
                    insert.setString(3, "Test warehouse");
                    insert.executeUpdate();
                }
                try (var insert = connection.prepareStatement(
                        "INSERT INTO inventory (product_id, warehouse_id, quantity) VALUES (?, ?, ?)")) {
                    insert.setObject(1, product);
                    insert.setObject(2, warehouse);
                    insert.setInt(3, quantity);
                    insert.executeUpdate();
                }
                stock.put(warehouse, quantity);
            }
            connection.commit();
        }
        return new StockedProduct(product, stock);
    }

    /** On-hand quantity per warehouse now. */
    public static Map<UUID, Integer> stock(TestServices services, UUID product) throws SQLException {
        var stock = new LinkedHashMap<UUID, Integer>();
        try (var connection = services.connect("products_db"); var query = connection.prepareStatement(
                "SELECT warehouse_id, quantity FROM inventory WHERE product_id = ? ORDER BY warehouse_id")) {
            query.setObject(1, product);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    stock.put(rows.getObject(1, UUID.class), rows.getInt(2));
                }
            }
        }
        return stock;
    }

    public static int totalStock(TestServices services, UUID product) throws SQLException {
        return stock(services, product).values().stream().mapToInt(Integer::intValue).sum();
    }
}
