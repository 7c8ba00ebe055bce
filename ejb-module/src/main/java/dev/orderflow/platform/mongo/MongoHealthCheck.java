package dev.orderflow.platform.mongo;

import dev.orderflow.platform.health.DependencyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while MongoDB answers ping. */
@Readiness
@ApplicationScoped
public class MongoHealthCheck implements HealthCheck {

    @Inject
    MongoConnection mongo;

    @Override
    public HealthCheckResponse call() {
        return DependencyCheck.probe("mongodb", () -> {
            mongo.ping();
            return mongo.databaseName();
        });
    }
}
