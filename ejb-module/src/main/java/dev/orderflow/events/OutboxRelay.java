package dev.orderflow.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Runs {@link OutboxBatch relay passes} on every node: back to back while batches come full, every
 * {@code outbox.relay.interval-ms} when idle, and with doubling back-off (up to {@code outbox.relay.max-backoff-ms})
 * while sends fail. A commit that appended rows nudges it to run at once instead of at the next interval (not while
 * backing off). Gauges {@code outbox.backlog} (unsent rows) and {@code outbox.oldest.age.seconds}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @EJB
    OutboxBatch batch;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "outbox.relay.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "outbox.relay.interval-ms")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "outbox.relay.max-backoff-ms")
    long maxBackoffMillis;

    @Inject
    @ConfigProperty(name = "outbox.relay.batch-size")
    int batchSize;

    @Inject
    @ConfigProperty(name = "outbox.relay.ack-timeout-ms")
    long ackTimeoutMillis;

    private volatile boolean running;
    private ScheduledFuture<?> next; // guarded by this
    private boolean ticking; // guarded by this
    private volatile long backoffMillis;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile OutboxBatch.Backlog lastBacklog = new OutboxBatch.Backlog(0, 0);
    private volatile long backlogReadAt;

    @PostConstruct
    void start() {
        metrics.gauge(
                Metadata.builder().withName("outbox.backlog").withDescription("Outbox rows not yet relayed").build(),
                this, relay -> relay.backlog().rows());
        metrics.gauge(
                Metadata.builder().withName("outbox.oldest.age.seconds")
                        .withDescription("Age of the oldest outbox row not yet relayed").withUnit("seconds").build(),
                this, relay -> relay.backlog().oldestAgeSeconds());
        if (enabled) {
            running = true;
            schedule(intervalMillis);
        }
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** After a commit that appended outbox rows: relay now rather than at the next interval. */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxAppended appended) {
        nudged.set(true);
        synchronized (this) {
            if (running && !ticking && backoffMillis == 0 && next != null && next.cancel(false)) {
                next = scheduler.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The backlog as last read (at most once a second). */
    public OutboxBatch.Backlog backlog() {
        if (System.currentTimeMillis() - backlogReadAt > 1_000) {
            backlogReadAt = System.currentTimeMillis();
            try {
                lastBacklog = batch.backlog();
            } catch (RuntimeException e) {
                LOG.fine(() -> "outbox backlog not read: " + e);
            }
        }
        return lastBacklog;
    }

    private synchronized void schedule(long delayMillis) {
        ticking = false;
        if (running) {
            next = scheduler.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        synchronized (this) {
            ticking = true;
        }
        nudged.set(false);
        long delay = intervalMillis;
        try {
            // after a failure, probe with a single row until the broker takes it: sends that cannot complete are
            // not piled up in the producer while it is down
            int size = backoffMillis > 0 ? 1 : batchSize;
            OutboxBatch.Pass pass = batch.relay(size, ackTimeoutMillis);
            // more rows may be waiting after a full pass, or after a successful probe
            while (running && pass.failed() == 0 && pass.read() == size) {
                size = batchSize;
                pass = batch.relay(size, ackTimeoutMillis);
            }
            if (pass.failed() > 0) {
                backoffMillis = backoffMillis == 0 ? intervalMillis * 2 : Math.min(maxBackoffMillis, backoffMillis * 2);
                delay = backoffMillis;
            } else {
                backoffMillis = 0;
                if (nudged.get()) {
                    delay = 0; // rows were committed while this pass ran
                }
            }
        } catch (RuntimeException e) {
            backoffMillis = backoffMillis == 0 ? intervalMillis * 2 : Math.min(maxBackoffMillis, backoffMillis * 2);
            delay = backoffMillis;
            LOG.log(Level.WARNING, "outbox relay pass failed; next in " + delay + " ms", e);
        } finally {
            schedule(delay);
        }
    }
}
