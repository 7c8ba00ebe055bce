package dev.orderflow.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of each of the three databases, reported separately.
 * <p>
 * The probes borrow from the small non-XA pools that Flyway uses at start-up, never from the XA pools that serve
 * requests. {@code Connection.isValid(timeout)} puts a timeout on the connection's socket for its round trip, and the
 * JDK switches a socket to non-blocking mode for a timed read and leaves it so: with the readiness watcher asking every
 * second, every pooled XA connection ended up reading in three system calls (a read that fails with EAGAIN, a poll, the
 * read) instead of one, on every statement of every checkout (docs/performance.md, 2026-12-07, sixth entry).
 */
@ApplicationScoped
public class DatabaseHealthChecks {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/UsersMigrationDS")
    DataSource users;

    @Resource(lookup = "java:jboss/datasources/ProductsMigrationDS")
    DataSource products;

    @Resource(lookup = "java:jboss/datasources/OrdersMigrationDS")
    DataSource orders;

    @Produces
    @Readiness
    HealthCheck usersDb() {
        return () -> ping("users-db", users);
    }

    @Produces
    @Readiness
    HealthCheck productsDb() {
        return () -> ping("products-db", products);
    }

    @Produces
    @Readiness
    HealthCheck ordersDb() {
        return () -> ping("orders-db", orders);
    }

    private static org.eclipse.microprofile.health.HealthCheckResponse ping(String name, DataSource dataSource) {
        return DependencyCheck.probe(name, () -> {
            try (var connection = dataSource.getConnection()) {
                if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                    throw new IllegalStateException("connection not valid");
                }
                return connection.getMetaData().getDatabaseProductName() + " "
                        + connection.getMetaData().getDatabaseProductVersion();
            }
        });
    }
}
