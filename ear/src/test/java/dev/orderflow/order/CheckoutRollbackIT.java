package dev.orderflow.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.order.application.CheckoutService;
import dev.orderflow.customer.domain.PostalAddress;
import dev.orderflow.order.application.PlaceOrder;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A checkout whose transaction fails after the stock was taken and the order, key and outbox row were written, but
 * before commit, leaves every database as it was. Runs inside WildFly.
 */
@ExtendWith(ArquillianExtension.class)
class CheckoutRollbackIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEarWithTests(CheckoutRollbackIT.class, Sql.class);
    }

    @EJB
    CheckoutService checkout;

    @Resource(lookup = "java:jboss/UserTransaction")
    UserTransaction transaction;

    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry synchronizations;

    @Resource(lookup = "java:jboss/datasources/UsersDS")
    DataSource users;

    @Resource(lookup = "java:jboss/datasources/ProductsDS")
    DataSource products;

    @Resource(lookup = "java:jboss/datasources/OrdersDS")
    DataSource orders;

    @Test
    void leavesStockOrdersKeysAndOutboxUntouchedWhenTheCommitFails() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID address = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID warehouse = UUID.randomUUID();
        insertCustomer(customer, address);
        insertProduct(product, warehouse, 5);

        transaction.begin();
        var placed = checkout.placeOrder(new PlaceOrder(customer, "fault-" + customer, "0".repeat(64), address,
                new PostalAddress("1 Rollback Street", "Berlin", null, "10115", "DE"), Map.of(product, 2), null,
                "rollback-it"));
        assertEquals(3, count(products, "SELECT quantity FROM inventory WHERE product_id = ?", product),
                "inside the transaction the stock is taken");
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                throw new IllegalStateException("injected fault before commit");
            }

            @Override
            public void afterCompletion(int status) {
                // nothing to do
            }
        });
        assertThrows(RollbackException.class, transaction::commit);

        UUID order = placed.order().id();
        assertEquals(5, count(products, "SELECT quantity FROM inventory WHERE product_id = ?", product));
        assertEquals(0, count(products, "SELECT count(*) FROM stock_movements WHERE order_id = ?", order));
        assertEquals(0, count(orders, "SELECT count(*) FROM orders WHERE id = ?", order));
        assertEquals(0, count(orders, "SELECT count(*) FROM order_items WHERE order_id = ?", order));
        assertEquals(0, count(orders, "SELECT count(*) FROM outbox_events WHERE aggregate_id = ?", order));
        assertEquals(0, count(orders, "SELECT count(*) FROM idempotency_keys WHERE customer_id = ?", customer));
    }

    private void insertCustomer(UUID customer, UUID address) throws SQLException {
        try (var connection = users.getConnection()) {
            try (var insert = connection.prepareStatement(
                    "INSERT INTO users (id, email, password_hash, name) VALUES (?, ?, 'x', 'Rollback Test')")) {
                insert.setObject(1, customer);
                insert.setString(2, customer + "@example.com");
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement("INSERT INTO addresses "
                    + "(id, user_id, street, city, zip_code, country, is_default) VALUES (?, ?, 's', 'c', 'z', 'DE', true)")) {
                insert.setObject(1, address);
                insert.setObject(2, customer);
                insert.executeUpdate();
            }
        }
    }

    private void insertProduct(UUID product, UUID warehouse, int stock) throws SQLException {
        try (var connection = products.getConnection()) {
            try (var insert = connection.prepareStatement(
                    "INSERT INTO products (id, sku, name, price) VALUES (?, ?, 'Rollback product', 3.00)")) {
                insert.setObject(1, product);
                insert.setString(2, "IT-" + product);
                insert.executeUpdate();
            }
            try (var insert = connection
                    .prepareStatement("INSERT INTO warehouses (id, code, name) VALUES (?, ?, 'w')")) {
                insert.setObject(1, warehouse);
                insert.setString(2, "IT-" + warehouse);
                insert.executeUpdate();
            }
            try (var insert = connection
                    .prepareStatement("INSERT INTO inventory (product_id, warehouse_id, quantity) VALUES (?, ?, ?)")) {
                insert.setObject(1, product);
                insert.setObject(2, warehouse);
                insert.setInt(3, stock);
                insert.executeUpdate();
            }
        }
    }

    private static long count(DataSource dataSource, String sql, UUID parameter) throws SQLException {
        return Sql.queryLong(dataSource.getConnection(), sql, parameter);
    }
}
