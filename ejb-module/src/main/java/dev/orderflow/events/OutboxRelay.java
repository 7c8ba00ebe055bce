package dev.orderflow.events;

import dev.orderflow.order.infrastructure.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Runs {@link OutboxBatch relay passes} on every node, on one thread of its own: back to back while batches come full,
 * every {@code outbox.relay.interval-ms} when idle, and with doubling back-off (up to
 * {@code outbox.relay.max-backoff-ms}, probing with one row) while sends fail. A commit that appended rows wakes it at
 * once instead of at the next interval (not while backing off). Gauges {@code outbox.backlog} (unsent rows),
 * {@code outbox.oldest.age.seconds} and {@code outbox.parked}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @EJB
    OutboxBatch batch;

    @Resource
    ManagedThreadFactory threads;

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

    /** One permit wakes the loop; commits add at most one. */
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile long backoffMillis;
    private Thread loop;
    private volatile OutboxBatch.Backlog lastBacklog = new OutboxBatch.Backlog(0, 0, 0);
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
        metrics.gauge(
                Metadata.builder().withName("outbox.parked")
                        .withDescription("Outbox rows that cannot be sent, parked for an operator").build(),
                this, relay -> relay.backlog().parked());
        if (enabled) {
            running = true;
            loop = threads.newThread(this::run);
            loop.setName("outbox-relay");
            loop.start();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        wake.release();
        if (loop != null) {
            try {
                loop.join(ackTimeoutMillis + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After a commit that appended outbox rows: relay now rather than at the next interval. */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxAppended appended) {
        if (backoffMillis == 0 && wake.availablePermits() == 0) {
            wake.release();
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

    private void run() {
        long delay = 0;
        while (running) {
            try {
                wake.tryAcquire(delay, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wake.drainPermits(); // a commit arriving from here on wakes the next wait at once
            if (running) {
                delay = relayAll();
            }
        }
    }

    /** Passes until the outbox is drained or a send fails; returns how long to wait before the next. */
    private long relayAll() {
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
            if (pass.failed() == 0) {
                backoffMillis = 0;
                return intervalMillis;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox relay pass failed", e);
        }
        backoffMillis = backoffMillis == 0 ? intervalMillis * 2 : Math.min(maxBackoffMillis, backoffMillis * 2);
        return backoffMillis;
    }
}
