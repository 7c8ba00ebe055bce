package dev.orderflow.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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

    /**
     * Claims several ids in one statement, in id order (two transactions claiming overlapping ids wait for each other
     * in the same order, never in a cycle); returns the ids this call recorded, without those applied before.
     */
    public Set<UUID> claimAll(String group, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> sorted = eventIds.stream().distinct().sorted().toList();
        var sql = new StringBuilder("INSERT INTO processed_events (consumer_group, event_id) VALUES ");
        for (int i = 0; i < sorted.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(i + 2).append(')');
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING event_id");
        var query = orders.createNativeQuery(sql.toString()).setParameter(1, group);
        for (int i = 0; i < sorted.size(); i++) {
            query.setParameter(i + 2, sorted.get(i));
        }
        @SuppressWarnings("unchecked")
        List<UUID> claimed = query.getResultList();
        return Set.copyOf(claimed);
    }

    /** The ids among {@code eventIds} this group has applied. */
    public Set<UUID> seenAmong(String group, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> distinct = eventIds.stream().distinct().toList();
        var sql = new StringBuilder(
                "SELECT event_id FROM processed_events WHERE consumer_group = ?1 AND event_id IN (");
        for (int i = 0; i < distinct.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(i + 2);
        }
        var query = orders.createNativeQuery(sql.append(')').toString()).setParameter(1, group);
        for (int i = 0; i < distinct.size(); i++) {
            query.setParameter(i + 2, distinct.get(i));
        }
        @SuppressWarnings("unchecked")
        List<UUID> seen = query.getResultList();
        return Set.copyOf(seen);
    }

    public boolean seen(String group, UUID eventId) {
        return !orders.createNativeQuery("SELECT 1 FROM processed_events WHERE consumer_group = ?1 AND event_id = ?2")
                .setParameter(1, group).setParameter(2, eventId).getResultList().isEmpty();
    }
}
