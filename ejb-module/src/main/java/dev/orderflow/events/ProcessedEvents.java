package dev.orderflow.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.orderflow.platform.sql.MultiRowInsert;
import dev.orderflow.platform.sql.Placeholders;
import java.util.ArrayList;
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

    private static final MultiRowInsert CLAIMS = MultiRowInsert.into("processed_events",
            "consumer_group text, event_id uuid", " ON CONFLICT DO NOTHING RETURNING event_id");

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    /** True if this call recorded the id (apply the effect), false if it was applied before (do nothing). */
    public boolean claim(String group, UUID eventId) {
        return claimAll(group, List.of(eventId)).size() == 1;
    }

    public boolean seen(String group, UUID eventId) {
        return !seenAmong(group, List.of(eventId)).isEmpty();
    }

    /**
     * Claims several ids in one statement, in id order (two transactions claiming overlapping ids wait for each other
     * in the same order, never in a cycle); returns the ids this call recorded, without those applied before.
     */
    public Set<UUID> claimAll(String group, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        var values = new ArrayList<Object>();
        eventIds.stream().distinct().sorted().forEach(id -> values.addAll(List.of(group, id)));
        return Set.copyOf(CLAIMS.insertReturning(orders, values, UUID.class));
    }

    /** The ids among {@code eventIds} this group has applied. */
    public Set<UUID> seenAmong(String group, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> seen = orders
                .createNativeQuery("SELECT event_id FROM processed_events WHERE consumer_group = ?1 "
                        + "AND event_id IN (SELECT unnest(cast(?2 AS uuid[])))")
                .setParameter(1, group).setParameter(2, Placeholders.uuidArray(Set.copyOf(eventIds))).getResultList();
        return Set.copyOf(seen);
    }
}
