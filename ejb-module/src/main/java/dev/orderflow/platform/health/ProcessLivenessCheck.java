package dev.orderflow.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has heap headroom. Liveness never depends on other services: a database outage must make the node
 * unready, not get it restarted.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USED = 0.95;

    @Override
    public HealthCheckResponse call() {
        var runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double ratio = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap").status(ratio < MAX_HEAP_USED).withData("usedBytes", used)
                .withData("maxBytes", runtime.maxMemory()).build();
    }
}
