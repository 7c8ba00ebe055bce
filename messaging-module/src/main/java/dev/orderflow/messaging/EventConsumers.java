package dev.orderflow.messaging;

import dev.orderflow.messaging.EventEnvelope.MalformedEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The four consumer services (one Kafka consumer group each; channels configured in microprofile-config.properties).
 * Each record is handed to its group's {@link EventHandler} up to {@code events.consumer.max-attempts} times with
 * doubling back-off; a record that still fails, or is not an envelope at all, is rejected, and the connector's
 * dead-letter-queue strategy writes it to {@value Topics#DEAD_LETTERS} with the reason. A handler that reports a
 * dependency outage ({@link RetryLater}) does not spend attempts: the record is retried, with pauses doubling up to 30
 * s, until the dependency is back.
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
     * The handlers block (JDBC, MongoDB, the gateway): they run on the server's managed executor, never on Kafka's
     * polling thread; each channel waits for one record's stage before the next, so a partition stays in order.
     */
    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ManagedExecutorService executor;

    @Inject
    MetricRegistry metrics;

    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "events.consumer.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "events.consumer.retry-backoff-ms", defaultValue = "200")
    long retryBackoffMillis;

    @Incoming("payment-in")
    public CompletionStage<Void> payment(ConsumerRecord<String, String> record) {
        return dispatch(ConsumerGroup.PAYMENT, record);
    }

    @Incoming("inventory-in")
    public CompletionStage<Void> inventory(ConsumerRecord<String, String> record) {
        return dispatch(ConsumerGroup.INVENTORY, record);
    }

    @Incoming("notification-in")
    public CompletionStage<Void> notification(ConsumerRecord<String, String> record) {
        return dispatch(ConsumerGroup.NOTIFICATION, record);
    }

    @Incoming("analytics-in")
    public CompletionStage<Void> analytics(ConsumerRecord<String, String> record) {
        return dispatch(ConsumerGroup.ANALYTICS, record);
    }

    /** The analytics group's second topic: product views. */
    @Incoming("analytics-views-in")
    public CompletionStage<Void> analyticsViews(ConsumerRecord<String, String> record) {
        return dispatch(ConsumerGroup.ANALYTICS, record);
    }

    /**
     * Runs the record's handling on the managed executor. If the application is stopping (the executor refuses the
     * task, or the handling is interrupted) the stage is left incomplete: the record is neither acknowledged nor
     * dead-lettered, its offset is not committed, and the group's next consumer receives it again.
     */
    private CompletionStage<Void> dispatch(ConsumerGroup group, ConsumerRecord<String, String> record) {
        var done = new CompletableFuture<Void>();
        try {
            executor.execute(() -> {
                try {
                    consume(group, record);
                    done.complete(null);
                } catch (ShuttingDown e) {
                    LOG.info(() -> group.groupId() + ": stopping; " + record.topic() + "-" + record.partition() + "@"
                            + record.offset() + " is left for redelivery");
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.info(() -> group.groupId() + ": executor refused the record (stopping); left for redelivery");
        }
        return done;
    }

    void consume(ConsumerGroup group, ConsumerRecord<String, String> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        EventEnvelope event;
        try {
            event = EventEnvelope.parse(record.value());
        } catch (MalformedEvent e) {
            count(group, "dead_lettered");
            LOG.warning(() -> group.groupId() + ": dead-lettering " + where + ", " + e.getMessage());
            throw new EventRejected(group.groupId() + ": " + e.getMessage());
        }
        if (event.version() > SUPPORTED_VERSION) {
            count(group, "dead_lettered");
            throw new EventRejected(group.groupId() + ": " + event.type() + " " + event.eventId() + " has version "
                    + event.version() + ", this consumer reads up to " + SUPPORTED_VERSION);
        }
        EventHandler handler = awaitHandler(group);
        if (event.correlationId() != null) {
            MDC.put("cid", event.correlationId()); // the consumer's log lines name the request that caused the event
        }
        try {
            handle(group, handler, event, where);
        } finally {
            MDC.remove("cid");
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
        count(group, "dead_lettered");
        String reason = group.groupId() + ": " + event.type() + " " + event.eventId() + " failed " + maxAttempts
                + " attempts: " + rootMessage(last);
        LOG.warning(() -> "dead-lettering " + where + ", " + reason);
        throw new EventRejected(reason);
    }

    private void count(ConsumerGroup group, String outcome) {
        // looked up once per group and outcome: the registry's lookup checks every metric's tag names (a full scan)
        counters.computeIfAbsent(group.groupId() + "/" + outcome, key -> metrics.counter("events.consumed",
                new Tag("group", group.groupId()), new Tag("outcome", outcome))).inc();
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
