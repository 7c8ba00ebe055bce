package dev.orderflow.messaging;

import dev.orderflow.platform.concurrent.PeriodicTask;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Consumer lag per group: for every partition of the group's topics, the log-end offset minus the group's committed
 * offset (a partition the group never committed counts from its beginning), summed. Gauge
 * {@code events.consumer.lag{group=...}}, measured in the background every two seconds (a scrape never waits for
 * Kafka); while Kafka cannot be asked the last measured value stays.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class.getName());
    private static final long REFRESH_MILLIS = 2_000;

    @Inject
    KafkaClients kafka;

    @Inject
    MetricRegistry metrics;

    private final Map<ConsumerGroup, Long> lastLag = new EnumMap<>(ConsumerGroup.class);

    /** For the refreshing {@link PeriodicTask}. */
    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    private PeriodicTask refresher;

    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        refresher = PeriodicTask.start(threads, "consumer-lag", () -> REFRESH_MILLIS, this::refresh);
        for (ConsumerGroup group : ConsumerGroup.values()) {
            metrics.gauge(Metadata.builder().withName("events.consumer.lag")
                    .withDescription("Records on the group's topic not yet committed by the consumer group").build(),
                    this, lag -> lag.of(group), new Tag("group", group.groupId()));
        }
    }

    public long of(ConsumerGroup group) {
        return all().getOrDefault(group, 0L);
    }

    /** The lag of every group as last measured (in the background, every two seconds). */
    public synchronized Map<ConsumerGroup, Long> all() {
        return Map.copyOf(lastLag);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.stop();
        }
    }

    private void refresh() {
        try {
            var measured = new EnumMap<ConsumerGroup, Long>(ConsumerGroup.class);
            for (ConsumerGroup group : ConsumerGroup.values()) {
                measured.put(group, measure(group));
            }
            synchronized (this) {
                lastLag.putAll(measured);
            }
        } catch (Exception e) {
            LOG.fine(() -> "consumer lag not measured: " + e);
        }
    }

    private long measure(ConsumerGroup group) throws Exception {
        int timeout = kafka.timeoutMillis();
        var admin = kafka.admin();
        var partitions = new java.util.ArrayList<TopicPartition>();
        admin.describeTopics(group.topics()).allTopicNames().get(timeout, TimeUnit.MILLISECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, OffsetSpec> earliest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions()).all().get(timeout, TimeUnit.MILLISECONDS);
        var starts = admin.listOffsets(earliest, new ListOffsetsOptions()).all().get(timeout, TimeUnit.MILLISECONDS);
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = offset != null ? offset.offset() : starts.get(partition).offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return lag;
    }
}
