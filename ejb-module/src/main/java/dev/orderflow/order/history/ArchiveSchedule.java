package dev.orderflow.order.history;

import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Archives old finished orders every ten minutes on every node (one node at a time does the work) and on demand.
 * Configuration: {@code archive.enabled}, {@code archive.after-days} (30), {@code archive.batch-size}.
 */
@Singleton
@Lock(LockType.READ) // the timer and operators may run at once; the archiver's advisory lock orders them
public class ArchiveSchedule {

    private static final Logger LOG = Logger.getLogger(ArchiveSchedule.class.getName());

    @EJB
    OrderArchiver archiver;

    @Inject
    @ConfigProperty(name = "archive.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "archive.after-days")
    int afterDays;

    @Inject
    @ConfigProperty(name = "archive.batch-size")
    int batchSize;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            archive(Duration.ofDays(afterDays), false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "order archiving failed; the next run tries again", e);
        }
    }

    /**
     * Archives every finished order older than {@code olderThan}, batch by batch, waiting for another node's run to
     * finish first; returns how many.
     */
    public int run(Duration olderThan) {
        return archive(olderThan, true);
    }

    private int archive(Duration olderThan, boolean wait) {
        int total = 0;
        OrderArchiver.Batch batch;
        do {
            batch = archiver.archiveBatch(olderThan, batchSize, wait);
            total += batch.archived();
        } while (batch.read() == batchSize && batch.archived() > 0);
        return total;
    }

    public int afterDays() {
        return afterDays;
    }
}
