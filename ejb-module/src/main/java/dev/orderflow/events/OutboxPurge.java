package dev.orderflow.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Deletes relayed outbox rows once they are {@code outbox.retention-minutes} old (60 by default), every minute on every
 * node, {@code outbox.purge.batch-size} rows per transaction. Unsent and parked rows stay whatever their age. Without
 * it the table grew by five rows per order for good, and the relay's partial index of unsent rows and every checkout's
 * inserts slowed down with it (docs/performance.md, 2026-12-07). Counter {@code outbox.purged}.
 */
@Stateless
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class.getName());

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @Resource
    SessionContext self;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "outbox.retention-minutes", defaultValue = "60")
    long retentionMinutes;

    @Inject
    @ConfigProperty(name = "outbox.purge.batch-size", defaultValue = "10000")
    int batchSize;

    private Counter purged;

    @PostConstruct
    void metrics() {
        purged = metrics.counter(Metadata.builder().withName("outbox.purged")
                .withDescription("Relayed outbox rows deleted after the retention period").build());
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduled() {
        try {
            purge(Duration.ofMinutes(retentionMinutes));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox purge failed; the next minute's run tries again", e);
        }
    }

    /** Deletes the relayed rows that occurred more than {@code olderThan} ago, batch by batch; returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long purge(Duration olderThan) {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(olderThan);
        OutboxPurge transactional = self.getBusinessObject(OutboxPurge.class);
        long total = 0;
        int deleted;
        do {
            deleted = transactional.purgeBatch(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        if (total > 0) {
            long count = total;
            LOG.fine(() -> "purged " + count + " relayed outbox rows older than " + cutoff);
        }
        return total;
    }

    /** One batch in one transaction (by physical row address: no second look-up through the primary key). */
    public int purgeBatch(OffsetDateTime cutoff, int limit) {
        int deleted = orders.createNativeQuery("""
                DELETE FROM outbox_events WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM outbox_events WHERE occurred_at < ?1 AND sent_at IS NOT NULL LIMIT ?2))""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
        purged.inc(deleted);
        return deleted;
    }
}
