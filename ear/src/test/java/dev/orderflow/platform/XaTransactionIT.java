package dev.orderflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Sql;
import jakarta.annotation.Resource;
import jakarta.transaction.RollbackException;
import jakarta.transaction.UserTransaction;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One JTA transaction across products_db and orders_db through the server's XA datasources: both writes commit
 * together, or neither survives. Runs inside WildFly against the real PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class XaTransactionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEarWithTests(XaTransactionIT.class, Sql.class);
    }

    @Resource(lookup = "java:jboss/datasources/ProductsDS")
    DataSource products;

    @Resource(lookup = "java:jboss/datasources/OrdersDS")
    DataSource orders;

    @Resource(lookup = "java:jboss/UserTransaction")
    UserTransaction transaction;

    @Test
    void commitsWritesToTwoDatabasesTogether() throws Exception {
        UUID category = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        transaction.begin();
        insertCategory(category);
        insertOrder(order);
        transaction.commit();

        assertEquals(1, count(products, "categories", category));
        assertEquals(1, count(orders, "orders", order));
    }

    @Test
    void rollsBackTheFirstDatabaseWhenTheSecondWriteFails() throws Exception {
        UUID category = UUID.randomUUID();
        UUID item = UUID.randomUUID();

        transaction.begin();
        insertCategory(category);
        assertThrows(SQLException.class, () -> insertOrderItemOfMissingOrder(item, false));
        transaction.rollback();

        assertEquals(0, count(products, "categories", category));
        assertEquals(0, count(orders, "order_items", item));
    }

    /**
     * The second database refuses at prepare (a deferred foreign key), after products_db has already prepared its
     * branch: the transaction manager must roll the prepared branch back.
     */
    @Test
    void rollsBackAPreparedBranchWhenAnotherBranchFailsToPrepare() throws Exception {
        UUID category = UUID.randomUUID();
        UUID item = UUID.randomUUID();

        transaction.begin();
        insertCategory(category);
        insertOrderItemOfMissingOrder(item, true);
        assertThrows(RollbackException.class, transaction::commit);

        assertEquals(0, count(products, "categories", category));
        assertEquals(0, count(orders, "order_items", item));
        assertEquals(0, preparedTransactions(products), "no in-doubt branch may be left in products_db");
    }

    private void insertCategory(UUID id) throws SQLException {
        try (var connection = products.getConnection();
                var insert = connection.prepareStatement("INSERT INTO categories (id, name) VALUES (?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, "xa-test " + id);
            insert.executeUpdate();
        }
    }

    private void insertOrder(UUID id) throws SQLException {
        try (var connection = orders.getConnection(); var insert = connection.prepareStatement(
                "INSERT INTO orders (id, user_id, total_amount, status) VALUES (?, ?, 10.00, 'pending')")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.executeUpdate();
        }
    }

    private void insertOrderItemOfMissingOrder(UUID id, boolean deferConstraints) throws SQLException {
        try (var connection = orders.getConnection()) {
            if (deferConstraints) {
                try (var defer = connection.createStatement()) {
                    defer.execute("SET CONSTRAINTS ALL DEFERRED");
                }
            }
            try (var insert = connection.prepareStatement("INSERT INTO order_items "
                    + "(id, order_id, product_id, quantity, price_at_purchase) VALUES (?, ?, ?, 1, 1.00)")) {
                insert.setObject(1, id);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, UUID.randomUUID());
                insert.executeUpdate();
            }
        }
    }

    private static long count(DataSource dataSource, String table, UUID id) throws SQLException {
        return Sql.queryLong(dataSource.getConnection(), "SELECT count(*) FROM " + table + " WHERE id = ?", id);
    }

    private static long preparedTransactions(DataSource dataSource) throws SQLException {
        return Sql.queryLong(dataSource.getConnection(),
                "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()");
    }
}
