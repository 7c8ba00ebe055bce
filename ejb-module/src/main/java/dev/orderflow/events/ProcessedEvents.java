package dev.orderflow.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * The event ids each consumer group has applied (orders_db.processed_events). Claimed inside the transaction of the
 * effect: if the transaction rolls back so does the claim; a second claim of the same id finds it taken (a concurrent
 * one waits on the primary key, then finds it taken).
 */
@ApplicationScoped
public class ProcessedEvents {

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    /** True if this call recorded the id (apply the effect), false if it was applied before (do nothing). */
    public boolean claim(String group, UUID eventId) {
        return orders.createNativeQuery("""
                INSERT INTO processed_events (consumer_group, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING
                """).setParameter(1, group).setParameter(2, eventId).executeUpdate() == 1;
    }

    public boolean seen(String group, UUID eventId) {
        return !orders.createNativeQuery("SELECT 1 FROM processed_events WHERE consumer_group = ?1 AND event_id = ?2")
                .setParameter(1, group).setParameter(2, eventId).getResultList().isEmpty();
    }
}
