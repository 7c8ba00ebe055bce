package dev.orderflow.messaging;

import dev.orderflow.messaging.EventEnvelope.MalformedEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.MDC;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The four consumer services (one Kafka consumer group each; channels configured in microprofile-config.properties).
 * Each channel receives what one poll returned ({@code batch=true}) and hands it to the consumers' managed executor in
 * lanes: records of one key (one order, one product) always share a lane and keep their order; a group with a slow
 * dependency (the payment gateway) runs several lanes at once ({@code events.consumer.<group>.parallelism}). Each
 * record is handed to its group's {@link EventHandler} up to {@code events.consumer.max-attempts} times with doubling
 * back-off; a record that still fails, or is not an envelope at all, is written to {@value Topics#DEAD_LETTERS} with
 * the reason and where it came from (the headers of the connector's dead-letter-queue strategy), and its batch goes on.
 * A handler that reports a dependency outage ({@link RetryLater}) does not spend attempts: the record is retried, with
 * pauses doubling up to 30 s, until the dependency is back. The batch is acknowledged (its offsets committed) when
 * every record in it is applied or dead-lettered.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class.getName());
    private static final long MAX_OUTAGE_PAUSE_MILLIS = 30_000;
    /** The newest envelope version every handler reads; a newer one is dead-lettered until consumers catch up. */
    static final int SUPPORTED_VERSION = 1;

    @Inject
    EventHandlers handlers;

    /**
     * The handlers block (JDBC, MongoDB, the gateway): they run on the consumers' managed executor ({@code events},
     * messaging.cli), never on Kafka's polling thread; each channel waits for its batch before the next poll's, so a
     * key stays in order.
     */
    @Resource(lookup = "java:jboss/ee/concurrency/executor/events")
    ManagedExecutorService executor;

    @Inject
    MetricRegistry metrics;

    @Inject
    EventPublisher publisher;

    @Inject
    Config config;

    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<ConsumerGroup, Integer> parallelism = new ConcurrentHashMap<>();
    private static final int MAX_READ_TYPES = 1_000;
    private final ConcurrentMap<String, Boolean> readTypes = new ConcurrentHashMap<>();
    /** Records applied by a handler's {@link EventHandler#handleAll} (part of {@code processed}), per group. */
    private final ConcurrentMap<ConsumerGroup, Counter> together = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "events.consumer.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "events.consumer.retry-backoff-ms", defaultValue = "200")
    long retryBackoffMillis;

    @Incoming("payment-in")
    public CompletionStage<Void> payment(ConsumerRecords<String, String> records) {
        return dispatch(ConsumerGroup.PAYMENT, records);
    }

    @Incoming("inventory-in")
    public CompletionStage<Void> inventory(ConsumerRecords<String, String> records) {
        return dispatch(ConsumerGroup.INVENTORY, records);
    }

    @Incoming("notification-in")
    public CompletionStage<Void> notification(ConsumerRecords<String, String> records) {
        return dispatch(ConsumerGroup.NOTIFICATION, records);
    }

    @Incoming("analytics-in")
    public CompletionStage<Void> analytics(ConsumerRecords<String, String> records) {
        return dispatch(ConsumerGroup.ANALYTICS, records);
    }

    /** The analytics group's second topic: product views. */
    @Incoming("analytics-views-in")
    public CompletionStage<Void> analyticsViews(ConsumerRecords<String, String> records) {
        return dispatch(ConsumerGroup.ANALYTICS, records);
    }

    /**
     * Runs the batch's lanes on the managed executor; the stage completes when every lane is done. If the application
     * is stopping (the executor refuses a lane, or the handling is interrupted) the stage is left incomplete: the batch
     * is neither acknowledged nor dead-lettered, its offsets are not committed, and the group's next consumer receives
     * it again (the handlers drop what they had applied). The stage never fails: the connector would dead-letter every
     * record of a failed batch.
     */
    private CompletionStage<Void> dispatch(ConsumerGroup group, ConsumerRecords<String, String> records) {
        var done = new CompletableFuture<Void>();
        List<List<ConsumerRecord<String, String>>> lanes = lanes(records, parallelism(group));
        if (lanes.isEmpty()) {
            done.complete(null);
            return done;
        }
        var running = new AtomicInteger(lanes.size());
        for (List<ConsumerRecord<String, String>> lane : lanes) {
            try {
                executor.execute(() -> {
                    if (runLane(group, lane) && running.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.info(() -> group.groupId() + ": executor refused the batch (stopping); left for redelivery");
                break;
            }
        }
        return done;
    }

    /**
     * Applies the lane; false if the application is stopping. A failure that is not the records' (they are applied or
     * dead-lettered one by one inside) is logged and the lane is run again after a pause: its events are applied once
     * in effect, so running it again is safe, and the channel does not stop behind an incomplete batch.
     */
    private boolean runLane(ConsumerGroup group, List<ConsumerRecord<String, String>> lane) {
        long pause = retryBackoffMillis;
        while (true) {
            try {
                consumeLane(group, lane);
                return true;
            } catch (ShuttingDown e) {
                LOG.info(() -> group.groupId() + ": stopping; " + lane.size() + " records of the batch are left for "
                        + "redelivery");
                return false;
            } catch (Throwable e) { // nothing may leave the batch incomplete while the application runs
                if (handlers.withdrawn() || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                long wait = pause;
                LOG.log(Level.SEVERE, e,
                        () -> group.groupId() + ": a lane of " + lane.size() + " records from " + lane.get(0).topic()
                                + "-" + lane.get(0).partition() + "@" + lane.get(0).offset()
                                + " failed; running it again in " + wait + " ms");
                try {
                    pause(wait);
                } catch (ShuttingDown stopping) {
                    return false;
                }
                pause = Math.min(MAX_OUTAGE_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    /** Splits a batch into at most {@code count} lanes; records of one key (or of one unkeyed partition) share one. */
    static List<List<ConsumerRecord<String, String>>> lanes(Iterable<ConsumerRecord<String, String>> records,
            int count) {
        var lanes = new ArrayList<List<ConsumerRecord<String, String>>>(count);
        for (int i = 0; i < count; i++) {
            lanes.add(new ArrayList<>());
        }
        for (ConsumerRecord<String, String> record : records) {
            int hash = record.key() != null ? record.key().hashCode() : record.partition();
            lanes.get(Math.floorMod(hash, count)).add(record);
        }
        lanes.removeIf(List::isEmpty);
        return lanes;
    }

    private int parallelism(ConsumerGroup group) {
        return parallelism.computeIfAbsent(group, g -> {
            String key = "events.consumer." + g.groupId() + ".parallelism";
            try {
                return Math.max(1, config.getOptionalValue(key, Integer.class).orElse(1));
            } catch (RuntimeException e) { // a value that is not a number must not fail (and dead-letter) every batch
                LOG.warning(() -> key + " is not a number (" + e.getMessage() + "); using 1");
                return 1;
            }
        });
    }

    /** A record of a lane and the event it holds. */
    private record Received(ConsumerRecord<String, String> record, EventEnvelope event) {

        String where() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }

    /**
     * Applies a lane's records in order, or all at once where the group's handler can; a record that is rejected is
     * written to the dead-letter topic and the lane goes on. Only stopping ({@link ShuttingDown}) escapes.
     */
    void consumeLane(ConsumerGroup group, List<ConsumerRecord<String, String>> lane) {
        EventHandler handler = awaitHandler(group);
        var received = new ArrayList<Received>(lane.size());
        for (ConsumerRecord<String, String> record : lane) {
            String type = EventHeaders.text(record, EventPublisher.HEADER_EVENT_TYPE);
            if (type != null && !reads(group, handler, type)) {
                count(group, "skipped");
                continue;
            }
            try {
                received.add(new Received(record, envelope(group, record)));
            } catch (EventRejected e) {
                deadLetter(group, record, e);
            }
        }
        if (received.isEmpty()) {
            return;
        }
        if (received.size() > 1 && appliedTogether(group, handler, received)) {
            return;
        }
        for (Received one : received) {
            try {
                apply(group, handler, one);
            } catch (ShuttingDown e) {
                throw e;
            } catch (RuntimeException e) {
                deadLetter(group, one.record(), e);
            }
        }
    }

    /**
     * Whether the group's handler reads the type, asked once per group and type (the handler is an EJB: a call per
     * record would cost more than the parsing it saves).
     */
    private boolean reads(ConsumerGroup group, EventHandler handler, String type) {
        String key = group.groupId() + "/" + type;
        Boolean known = readTypes.get(key);
        if (known != null) {
            return known;
        }
        boolean reads = handler.reads(type);
        if (readTypes.size() < MAX_READ_TYPES) { // the header is whatever a producer wrote: the cache stays bounded
            readTypes.put(key, reads);
        }
        return reads;
    }

    /** The record's event, or {@link EventRejected} if it is not an envelope this consumer reads. */
    private EventEnvelope envelope(ConsumerGroup group, ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = EventEnvelope.parse(record.value());
        } catch (MalformedEvent e) {
            LOG.warning(() -> group.groupId() + ": dead-lettering " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ", " + e.getMessage());
            throw new EventRejected(group.groupId() + ": " + e.getMessage());
        }
        if (event.version() > SUPPORTED_VERSION) {
            throw new EventRejected(group.groupId() + ": " + event.type() + " " + event.eventId() + " has version "
                    + event.version() + ", this consumer reads up to " + SUPPORTED_VERSION);
        }
        return event;
    }

    /**
     * Hands the events to the handler's {@link EventHandler#handleAll}: true if it applied them all. A dependency
     * outage is waited out (no attempt spent); any other failure returns false, and the caller applies each event
     * alone.
     */
    private boolean appliedTogether(ConsumerGroup group, EventHandler handler, List<Received> received) {
        List<EventEnvelope> events = received.stream().map(Received::event).toList();
        long outagePause = retryBackoffMillis;
        while (true) {
            if (handlers.withdrawn()) {
                throw new ShuttingDown();
            }
            try {
                if (!handler.handleAll(events)) {
                    return false;
                }
                counter(group, "processed").inc(events.size());
                together.computeIfAbsent(group,
                        g -> metrics.counter("events.consumed.together", new Tag("group", g.groupId())))
                        .inc(events.size());
                return true;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || handlers.withdrawn() || componentStopped(e)) {
                    throw new ShuttingDown();
                }
                if (!dependencyDown(e)) {
                    LOG.log(Level.FINE, e, () -> group.groupId() + ": " + events.size() + " events together failed; "
                            + "applying them one by one");
                    return false;
                }
                counter(group, "retried").inc(events.size());
                long pause = outagePause;
                LOG.warning(() -> group.groupId() + ": " + rootMessage(e) + "; retrying " + events.size() + " events "
                        + "from " + received.get(0).where() + " in " + pause + " ms");
                pause(pause);
                outagePause = Math.min(MAX_OUTAGE_PAUSE_MILLIS, outagePause * 2);
            }
        }
    }

    private void apply(ConsumerGroup group, EventHandler handler, Received one) {
        if (one.event().correlationId() != null) {
            MDC.put("cid", one.event().correlationId()); // the consumer's log lines name the request behind the event
        }
        try {
            handle(group, handler, one.event(), one.where());
        } finally {
            MDC.remove("cid");
        }
    }

    /**
     * Writes the record to the dead-letter topic with the headers the connector's dead-letter-queue strategy writes
     * (the record's own, then {@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset} and the
     * exception's class) and waits for the broker's acknowledgement: the batch is not acknowledged before its letters
     * are written. While the send fails it sends again; a letter Kafka refuses for good (an API error that is not
     * retriable: too large, not authorised) is logged as SEVERE with where the record is, and the batch goes on.
     */
    private void deadLetter(ConsumerGroup group, ConsumerRecord<String, String> record, RuntimeException failure) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        var headers = new LinkedHashMap<String, String>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        headers.put("dead-letter-exception-class-name", failure.getClass().getName());
        headers.put("dead-letter-reason", failure.getMessage() == null ? failure.toString() : failure.getMessage());
        headers.put("dead-letter-topic", record.topic());
        headers.put("dead-letter-partition", Integer.toString(record.partition()));
        headers.put("dead-letter-offset", Long.toString(record.offset()));
        long pause = retryBackoffMillis;
        while (true) {
            var sent = publisher.send(Topics.DEAD_LETTERS, record.key(), record.value(), headers);
            try {
                awaitSent(sent);
                count(group, "dead_lettered");
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiException && !(e.getCause() instanceof RetriableException)) {
                    LOG.log(Level.SEVERE, e.getCause(),
                            () -> group.groupId() + ": Kafka refused the dead letter of " + where
                                    + "; the record stays only in " + record.topic() + " ("
                                    + headers.get("dead-letter-reason") + ")");
                    return;
                }
                long wait = pause;
                LOG.warning(() -> group.groupId() + ": could not write the dead letter of " + where + " ("
                        + rootMessage(e) + "); trying again in " + wait + " ms");
                pause(wait);
                pause = Math.min(MAX_OUTAGE_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    /** Waits for the broker's answer to one send (the producer gives up by itself after its delivery timeout). */
    private void awaitSent(CompletableFuture<Void> sent) throws ExecutionException {
        while (true) {
            try {
                sent.get(1, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShuttingDown();
            } catch (TimeoutException e) {
                if (handlers.withdrawn()) {
                    throw new ShuttingDown();
                }
            }
        }
    }

    private void handle(ConsumerGroup group, EventHandler handler, EventEnvelope event, String where) {
        RuntimeException last = null;
        long outagePause = retryBackoffMillis;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (handlers.withdrawn()) {
                throw new ShuttingDown();
            }
            try {
                handler.handle(event);
                count(group, "processed");
                return;
            } catch (RuntimeException e) {
                last = e;
                if (Thread.currentThread().isInterrupted() || handlers.withdrawn() || componentStopped(e)) {
                    throw new ShuttingDown(); // the application is stopping: not the event's fault
                }
                if (dependencyDown(e)) {
                    // not the event's fault: wait for the dependency without spending an attempt
                    count(group, "retried");
                    long pause = outagePause;
                    LOG.warning(() -> group.groupId() + ": " + rootMessage(e) + "; retrying " + where + " in " + pause
                            + " ms");
                    pause(pause);
                    outagePause = Math.min(MAX_OUTAGE_PAUSE_MILLIS, outagePause * 2);
                    attempt--;
                    continue;
                }
                int failed = attempt;
                LOG.log(Level.FINE, e, () -> group.groupId() + ": attempt " + failed + " failed for " + where);
                if (attempt < maxAttempts) {
                    pause(retryBackoffMillis << (attempt - 1));
                }
            }
        }
        String reason = group.groupId() + ": " + event.type() + " " + event.eventId() + " failed " + maxAttempts
                + " attempts: " + rootMessage(last);
        LOG.warning(() -> "dead-lettering " + where + ", " + reason);
        throw new EventRejected(reason);
    }

    private void count(ConsumerGroup group, String outcome) {
        counter(group, outcome).inc();
    }

    private Counter counter(ConsumerGroup group, String outcome) {
        // looked up once per group and outcome: the registry's lookup checks every metric's tag names (a full scan)
        return counters.computeIfAbsent(group.groupId() + "/" + outcome, key -> metrics.counter("events.consumed",
                new Tag("group", group.groupId()), new Tag("outcome", outcome)));
    }

    private EventHandler awaitHandler(ConsumerGroup group) {
        try {
            return handlers.await(group, Duration.ofSeconds(60));
        } catch (IllegalStateException e) {
            throw new ShuttingDown(); // not registered: the application did not start; redeliver, never dead-letter
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuttingDown();
        }
    }

    /** The application is stopping: leave the record for redelivery. */
    static class ShuttingDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShuttingDown() {
            super("shutting down", null, false, false);
        }
    }

    /** The handler's component is stopped (undeploy, shutdown): WildFly's ComponentIsStoppedException. */
    static boolean componentStopped(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("ComponentIsStoppedException")
                    || t.getMessage() != null && t.getMessage().contains("WFLYEE0043")) {
                return true;
            }
        }
        return false;
    }

    static boolean dependencyDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLater || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // a database connection failure (SQL state class 08) is an outage too
            }
        }
        return false;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** A record this consumer gave up on; its message becomes the dead letter's reason. */
    public static class EventRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public EventRejected(String reason) {
            super(reason);
        }
    }
}
