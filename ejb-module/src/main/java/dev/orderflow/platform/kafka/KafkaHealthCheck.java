package dev.orderflow.platform.kafka;

import dev.orderflow.platform.health.DependencyCheck;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the Kafka cluster answers a metadata request with at least one broker. */
@Readiness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "kafka.health.timeout-ms")
    int timeoutMillis;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        return DependencyCheck.probe("kafka", () -> {
            var nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis)).nodes()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("no broker available");
            }
            return nodes.size() + " broker(s) at " + bootstrapServers;
        });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-health", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    timeoutMillis, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
