package dev.orderflow.order.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One row of orders_db.outbox_events as the outbox writes it: persisted, so Hibernate writes the rows of a transaction
 * in JDBC batches together with the rest of its flush (a native INSERT per row flushed the session before each one).
 * Write-only: the relay reads and marks rows with its own statements (OutboxBatch); seq, sent_at and the parking
 * columns are the database's.
 */
@Entity
@Table(name = "outbox_events")
class OutboxRow {

    @Id
    private UUID id;

    @Column(name = "aggregate_type", nullable = false, updatable = false)
    private String aggregateType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private UUID aggregateId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "event_version", nullable = false, updatable = false)
    private int eventVersion;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    protected OutboxRow() {
    }

    OutboxRow(UUID id, String aggregateType, UUID aggregateId, String eventType, int eventVersion, String payload,
            String correlationId, OffsetDateTime occurredAt) {
        this.id = id;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.eventType = eventType;
        this.eventVersion = eventVersion;
        this.payload = payload;
        this.correlationId = correlationId;
        this.occurredAt = occurredAt;
    }

    /** The values in the column order of {@link Outbox}'s multi-row INSERT. */
    java.util.List<Object> columns() {
        return java.util.Arrays.asList(id, aggregateType, aggregateId, eventType, eventVersion, payload, correlationId,
                occurredAt);
    }
}
