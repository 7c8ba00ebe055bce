package dev.orderflow.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of each of the three databases, reported separately. */
@ApplicationScoped
public class DatabaseHealthChecks {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/UsersDS")
    DataSource users;

    @Resource(lookup = "java:jboss/datasources/ProductsDS")
    DataSource products;

    @Resource(lookup = "java:jboss/datasources/OrdersDS")
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
