package dev.orderflow.events;

import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.messaging.EventPublisher;
import dev.orderflow.platform.sql.Placeholders;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * One relay pass over the outbox, in its own transaction on orders_db.
 * <p>
 * Claiming: the pass first takes a transaction-scoped PostgreSQL advisory lock; a node that does not get it does
 * nothing, so two nodes never send the same rows at once, and one aggregate's rows go out in sequence order. The rows
 * are sent, the pass waits for the broker's acknowledgements, and marks sent exactly the rows acknowledged, except that
 * after an aggregate's first failed row none of its later rows is marked (they are sent again with it, and consumers
 * drop the duplicates by event id). If the node dies mid-pass the transaction rolls back and the rows are sent again by
 * the next pass: at-least-once delivery, made effectively once by the consumers.
 */
@Stateless
public class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class.getName());
    /** The advisory lock key of the relay ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @Inject
    EventPublisher publisher;

    /** What a pass did: whether it held the lock, rows read, rows marked sent, sends that failed. */
    public record Pass(boolean locked, int read, int sent, int failed) {
    }

    /** Backlog: unsent rows, the age in seconds of the oldest one (0 when none), and parked rows. */
    public record Backlog(long rows, double oldestAgeSeconds, long parked) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Pass relay(int batchSize, long ackTimeoutMillis) {
        boolean locked = (Boolean) orders.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!locked) {
            return new Pass(false, 0, 0, 0);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = orders.createNativeQuery("""
                SELECT id, event_type, event_version, occurred_at, aggregate_type, aggregate_id, correlation_id,
                       CASE WHEN jsonb_typeof(payload) = 'object' THEN payload::text END
                FROM outbox_events WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT ?1
                """).setParameter(1, batchSize).getResultList();
        if (rows.isEmpty()) {
            return new Pass(true, 0, 0, 0);
        }
        // a row that cannot even be turned into a record (unknown type, a payload that is not an object) is parked for
        // an operator, and the rest of its aggregate waits for the next pass, so one bad row never stalls the relay
        Set<UUID> parkedAggregates = new HashSet<>();
        var sends = new ArrayList<CompletableFuture<Void>>(rows.size());
        for (Object[] row : rows) {
            UUID aggregate = (UUID) row[5];
            CompletableFuture<Void> send = null;
            if (!parkedAggregates.contains(aggregate)) {
                try {
                    send = send(row);
                } catch (RuntimeException e) {
                    park((UUID) row[0], e);
                    parkedAggregates.add(aggregate);
                }
            }
            sends.add(send);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ackTimeoutMillis);
        var acknowledged = new ArrayList<UUID>();
        Set<UUID> blocked = new HashSet<>();
        int failed = 0;
        String firstFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            CompletableFuture<Void> send = sends.get(i);
            if (send == null) {
                continue; // parked, or behind a parked row of its aggregate
            }
            UUID aggregate = (UUID) rows.get(i)[5];
            boolean ok = await(send, deadline);
            if (!ok) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = failure(send);
                }
            }
            if (ok && !blocked.contains(aggregate)) {
                acknowledged.add((UUID) rows.get(i)[0]);
            } else {
                blocked.add(aggregate);
            }
        }
        if (!acknowledged.isEmpty()) {
            // one statement text whatever the count (an IN list of n parameters was a statement of its own for
            // each n, parsed, prepared and planned again: dozens of variants in pg_stat_statements)
            orders.createNativeQuery("UPDATE outbox_events SET sent_at = clock_timestamp() "
                    + "WHERE id IN (SELECT unnest(cast(?1 AS uuid[])))")
                    .setParameter(1, Placeholders.uuidArray(acknowledged)).executeUpdate();
        }
        if (failed > 0) {
            String reason = firstFailure;
            int count = failed;
            int read = rows.size();
            LOG.warning(() -> "outbox relay: " + count + " of " + read + " sends failed (" + reason + ")");
        }
        return new Pass(true, rows.size(), acknowledged.size(), failed);
    }

    private void park(UUID id, RuntimeException cause) {
        String error = (cause.getClass().getSimpleName() + ": " + cause.getMessage());
        LOG.severe(() -> "outbox row " + id + " parked, it cannot be sent: " + error);
        orders.createNativeQuery(
                "UPDATE outbox_events SET parked_at = clock_timestamp(), last_error = left(?2, 1000) WHERE id = ?1")
                .setParameter(1, id).setParameter(2, error).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Backlog backlog() {
        Object[] row = (Object[]) orders.createNativeQuery("""
                SELECT count(*) FILTER (WHERE parked_at IS NULL),
                       coalesce(extract(epoch FROM now() - min(occurred_at) FILTER (WHERE parked_at IS NULL)), 0),
                       count(*) FILTER (WHERE parked_at IS NOT NULL)
                FROM outbox_events WHERE sent_at IS NULL
                """).getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                ((Number) row[2]).longValue());
    }

    private static boolean await(CompletableFuture<Void> send, long deadlineNanos) {
        try {
            send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static String failure(CompletableFuture<Void> send) {
        try {
            send.getNow(null);
            return "no acknowledgement in time";
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** Sends the row's event, its payload as stored (jsonb, so valid JSON) inside the envelope's text. */
    private CompletableFuture<Void> send(Object[] row) {
        UUID id = (UUID) row[0];
        String type = (String) row[1];
        UUID aggregate = (UUID) row[5];
        String correlationId = (String) row[6];
        if (row[7] == null) {
            throw new IllegalArgumentException("the payload is not a JSON object");
        }
        String envelope = EventEnvelope.json(id, type, ((Number) row[2]).intValue(), instant(row[3]), (String) row[4],
                aggregate, correlationId, (String) row[7]);
        return publisher.publish(id, type, aggregate, correlationId, envelope);
    }
}
