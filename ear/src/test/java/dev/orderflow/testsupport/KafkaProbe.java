package dev.orderflow.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads a topic from the moment the probe is opened (every partition, no consumer group), and sends raw records, as any
 * other Kafka client would.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaProbe(String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now
    }

    /** A probe that sees what is written to {@code topic} from now on. */
    public static KafkaProbe tail(String topic) {
        return new KafkaProbe(topic);
    }

    public static String bootstrapServers() {
        String servers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return servers == null || servers.isBlank() ? "127.0.0.1:9092" : servers;
    }

    /** Polls until {@code done} holds for everything seen so far, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + timeout + "; saw " + seen.size() + " records");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** Everything that arrives within {@code period}, added to what was seen. */
    public List<ConsumerRecord<String, String>> drain(Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static JsonObject envelope(ConsumerRecord<String, String> record) {
        try (var reader = Json.createReader(new StringReader(record.value()))) {
            return reader.readObject();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Records of one type for one aggregate. */
    public static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records, String type,
            UUID aggregateId) {
        return records.stream().filter(r -> aggregateId.toString().equals(r.key()))
                .filter(r -> type.equals(header(r, "event-type"))).toList();
    }

    /** Writes one record (with the headers of {@code like}, if given) and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String topic, String key, String value, ConsumerRecord<String, String> like) {
        try (var producer = new KafkaProducer<>(Map.<String, Object> of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            if (like != null) {
                like.headers().forEach(h -> record.headers().add(h));
            }
            return producer.send(record).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Sends a copy of a record (same topic, key, value and headers): a redelivery as a consumer would see it. */
    public static RecordMetadata redeliver(ConsumerRecord<String, String> record) {
        return send(record.topic(), record.key(), record.value(), record);
    }

    /** True once {@code group} has committed an offset past {@code sent} (it has processed the record). */
    public static boolean committedPast(String group, RecordMetadata sent) {
        return committedPast(group, sent.topic(), sent.partition(), sent.offset());
    }

    /** The same for a record read from the topic. */
    public static boolean committedPast(String group, ConsumerRecord<String, String> record) {
        return committedPast(group, record.topic(), record.partition(), record.offset());
    }

    private static boolean committedPast(String group, String topic, int partition, long recordOffset) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            var offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, partition));
            return offset != null && offset.offset() > recordOffset;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
