package dev.orderflow.platform.redis;

import dev.orderflow.platform.health.DependencyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while Redis answers PING. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        return DependencyCheck.probe("redis", () -> {
            if (!redis.ping()) {
                throw new IllegalStateException("no PONG from " + redis.address());
            }
            return redis.address();
        });
    }
}
