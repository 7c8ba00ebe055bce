package dev.orderflow.platform.health;

import dev.orderflow.platform.flyway.SchemaMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once every database schema is migrated. */
@Startup
@ApplicationScoped
public class SchemaStartupCheck implements HealthCheck {

    @Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema-migrations").status(migrations.isComplete()).build();
    }
}
