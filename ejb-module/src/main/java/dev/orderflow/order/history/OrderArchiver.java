package dev.orderflow.order.history;

import com.mongodb.MongoException;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.platform.problem.DependencyUnavailable;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Moves finished orders (delivered or cancelled, unchanged for longer than the given age) from orders_db to the MongoDB
 * order history without a window in which one could be lost: in one orders_db transaction each order is locked, copied
 * to MongoDB (an idempotent upsert), read back and compared, and only then deleted (its lines and status history with
 * it). If anything fails the transaction rolls back and the order stays in orders_db; a copy already written is
 * overwritten by the next run. Until the delete commits the order is in both stores, and readers prefer orders_db.
 */
@Stateless
public class OrderArchiver {

    private static final Logger LOG = Logger.getLogger(OrderArchiver.class.getName());
    /** The advisory lock key of the archiver, so one node archives at a time. */
    static final long ARCHIVE_LOCK = 0x61726368697665L;

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @Inject
    OrderHistory history;

    /**
     * Archives at most {@code batchSize} orders: how many were read and how many archived (a copy that does not match
     * is logged and its order kept); read is -1 if another node is archiving and {@code wait} is false.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Batch archiveBatch(Duration olderThan, int batchSize, boolean wait) {
        if (wait) {
            orders.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) l").setParameter(1, ARCHIVE_LOCK)
                    .getSingleResult();
        } else if (!(Boolean) orders.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ARCHIVE_LOCK).getSingleResult()) {
            return new Batch(-1, 0);
        }
        List<Order> finished = orders.createQuery("""
                select o from Order o where o.status in :finished and o.updatedAt < :cutoff order by o.updatedAt
                """, Order.class).setParameter("finished", List.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED))
                .setParameter("cutoff", OffsetDateTime.now().minus(olderThan)).setMaxResults(batchSize)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        int archived = 0;
        try {
            for (Order order : finished) {
                history.store(order);
                if (history.matches(order)) {
                    orders.remove(order);
                    archived++;
                } else { // kept in orders_db; the next run tries again
                    LOG.severe(() -> "archived copy of order " + order.id() + " does not match it; order kept");
                }
            }
        } catch (MongoException e) {
            throw new DependencyUnavailable("mongodb", e);
        }
        orders.flush();
        if (archived > 0) {
            int count = archived;
            LOG.info(() -> "archived " + count + " orders to MongoDB");
        }
        return new Batch(finished.size(), archived);
    }

    /** Orders read (-1: another node holds the lock) and archived by one batch. */
    public record Batch(int read, int archived) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long activeOrders() {
        return orders.createQuery("select count(o) from Order o", Long.class).getSingleResult();
    }
}
