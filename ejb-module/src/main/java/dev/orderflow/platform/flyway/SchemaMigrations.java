package dev.orderflow.platform.flyway;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the three databases to the latest schema when the application starts, before it serves requests.
 * <p>
 * Runs outside any JTA transaction on non-XA datasources; Flyway's advisory lock makes nodes that start together take
 * turns.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:jboss/datasources/UsersMigrationDS")
    DataSource users;

    @Resource(lookup = "java:jboss/datasources/ProductsMigrationDS")
    DataSource products;

    @Resource(lookup = "java:jboss/datasources/OrdersMigrationDS")
    DataSource orders;

    private volatile boolean complete;

    @PostConstruct
    void migrate() {
        migrate("users_db", users, "users");
        migrate("products_db", products, "products");
        migrate("orders_db", orders, "orders");
        complete = true;
    }

    /** True once every database is at the latest schema version. */
    public boolean isComplete() {
        return complete;
    }

    private void migrate(String database, DataSource dataSource, String folder) {
        var result = Flyway.configure(SchemaMigrations.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration/" + folder).failOnMissingLocations(true).load().migrate();
        LOG.info(() -> "%s: %d migration(s) applied, schema version %s".formatted(database, result.migrationsExecuted,
                result.targetSchemaVersion));
    }
}
