package dev.orderflow.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The dead-letter topic, read and re-driven by operators. The Kafka connector writes a rejected record there with
 * headers naming where it came from ({@code dead-letter-topic}, {@code -partition}, {@code -offset}) and why
 * ({@code dead-letter-reason}). A re-drive sends the original key, value and headers back to the original topic and
 * then appends a marker record ({@code redrive-of: <partition>-<offset>}, no value) to the dead-letter topic, so every
 * node sees what was re-driven. Consumers deduplicate on event ids, so a re-drive never doubles an effect for the
 * groups that had already processed it.
 */
@ApplicationScoped
public class DeadLetters {

    static final String REDRIVE_OF = "redrive-of";
    private static final int MAX_READ = 10_000;
    /** How far back each partition is read: older letters are beyond the operators' view (and retention). */
    private static final long WINDOW_PER_PARTITION = 5_000;

    @Inject
    KafkaClients kafka;

    @Inject
    EventPublisher publisher;

    public record DeadLetter(String id, String originalTopic, Integer originalPartition, Long originalOffset,
            String key, String reason, String value, Instant deadAt, boolean redriven) {
    }

    /** The dead letters, newest first, at most {@code limit}; optionally only those not yet re-driven. */
    public List<DeadLetter> list(int limit, boolean pendingOnly) {
        var records = readAll();
        Set<String> redriven = new HashSet<>();
        records.stream().map(r -> header(r, REDRIVE_OF)).filter(Optional::isPresent).map(Optional::get)
                .forEach(redriven::add);
        return records.stream().filter(r -> header(r, REDRIVE_OF).isEmpty())
                .sorted(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp()).reversed())
                .map(r -> toDeadLetter(r, redriven.contains(idOf(r))))
                .filter(letter -> !pendingOnly || !letter.redriven()).limit(limit).toList();
    }

    public Optional<DeadLetter> find(String id) {
        return list(MAX_READ, false).stream().filter(letter -> letter.id().equals(id)).findFirst();
    }

    /**
     * Sends the dead letter back to the topic it came from (same key, value and event headers) and marks it re-driven.
     *
     * @return the letter as it was before, or empty if there is no such letter
     *
     * @throws AlreadyRedriven
     *             if it was re-driven before
     */
    public Optional<DeadLetter> redrive(String id, String actor) {
        ConsumerRecord<String, String> record = readAll().stream()
                .filter(r -> header(r, REDRIVE_OF).isEmpty() && idOf(r).equals(id)).findFirst().orElse(null);
        if (record == null) {
            return Optional.empty();
        }
        DeadLetter letter = find(id).orElseThrow();
        if (letter.redriven()) {
            throw new AlreadyRedriven(id);
        }
        var headers = new LinkedHashMap<String, String>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-") && header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        headers.put("redriven-from", Topics.DEAD_LETTERS + "-" + id);
        await(publisher.send(letter.originalTopic(), record.key(), record.value(), headers));
        await(publisher.send(Topics.DEAD_LETTERS, record.key(), "", Map.of(REDRIVE_OF, id, "redriven-by", actor)));
        return Optional.of(letter);
    }

    private static void await(java.util.concurrent.CompletableFuture<Void> send) {
        try {
            send.get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailable(e);
        }
    }

    private List<ConsumerRecord<String, String>> readAll() {
        try (KafkaConsumer<String, String> reader = kafka.reader()) {
            Duration timeout = Duration.ofMillis(kafka.timeoutMillis());
            List<TopicPartition> partitions = reader.partitionsFor(Topics.DEAD_LETTERS, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, timeout);
            // the newest records of each partition: letters and the markers of their re-drives
            partitions.forEach(p -> reader.seek(p, Math.max(starts.get(p), ends.get(p) - WINDOW_PER_PARTITION)));
            var records = new ArrayList<ConsumerRecord<String, String>>();
            long deadline = System.currentTimeMillis() + 4L * kafka.timeoutMillis();
            while (!reachedEnd(reader, ends)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new KafkaUnavailable(new TimeoutException("reading " + Topics.DEAD_LETTERS));
                }
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailable(e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> reader, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue());
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<String, String> r, boolean redriven) {
        return new DeadLetter(idOf(r), header(r, "dead-letter-topic").orElse(null),
                header(r, "dead-letter-partition").map(Integer::valueOf).orElse(null),
                header(r, "dead-letter-offset").map(Long::valueOf).orElse(null), r.key(),
                header(r, "dead-letter-reason").orElse(null), r.value(), Instant.ofEpochMilli(r.timestamp()), redriven);
    }

    private static String idOf(ConsumerRecord<?, ?> record) {
        return record.partition() + "-" + record.offset();
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        return Optional.ofNullable(EventHeaders.text(record, name));
    }

    /** Kafka did not answer in time. */
    public static class KafkaUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public KafkaUnavailable(Throwable cause) {
            super("Kafka is unavailable: " + cause.getMessage(), cause);
        }
    }

    /** The dead letter was re-driven already. */
    public static class AlreadyRedriven extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AlreadyRedriven(String id) {
            super("dead letter " + id + " was re-driven already");
        }
    }
}
