package dev.orderflow.messaging;

import dev.orderflow.platform.id.Uuids;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Plain Kafka clients for what Reactive Messaging does not do: offsets for lag, reading dead letters. */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "kafka.admin.timeout-ms", defaultValue = "3000")
    int timeoutMillis;

    private Admin admin;

    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-admin", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    timeoutMillis, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000));
        }
        return admin;
    }

    public int timeoutMillis() {
        return timeoutMillis;
    }

    /** A group-less consumer for reading a topic by position; the caller closes it. */
    public KafkaConsumer<String, String> reader() {
        return new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.CLIENT_ID_CONFIG,
                        "orderflow-reader-" + Uuids.next(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis,
                        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis),
                new StringDeserializer(), new StringDeserializer());
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
