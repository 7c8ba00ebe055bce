package dev.orderflow.order.infrastructure;

import dev.orderflow.order.application.IdempotencyKeyReused;
import dev.orderflow.platform.sql.MultiRowInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys of checkouts (orders_db.idempotency_keys), claimed inside the checkout transaction.
 * <p>
 * The claim is an INSERT ... ON CONFLICT DO NOTHING on the (customer, key) primary key: a second request with the same
 * key, on any node, waits on the index until the first transaction ends; if the first committed it sees that order, if
 * it rolled back the second claims the key itself. A failed checkout therefore leaves no key behind and can simply be
 * retried.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final MultiRowInsert CLAIMS = MultiRowInsert.into("idempotency_keys",
            "customer_id uuid, key text, request_hash text, order_id uuid",
            " ON CONFLICT (customer_id, key) DO NOTHING RETURNING order_id");

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    /**
     * Claims the key for the new order {@code orderId} (one statement: a rollback takes the claim back with the order),
     * or returns the order an earlier request with the same key and the same request hash placed.
     *
     * @throws IdempotencyKeyReused
     *             when the key was used with a different request
     */
    public Optional<UUID> claimOrFind(UUID customer, String key, String requestHash, UUID orderId) {
        int inserted = orders.createNativeQuery("""
                INSERT INTO idempotency_keys (customer_id, key, request_hash, order_id) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (customer_id, key) DO NOTHING
                """).setParameter(1, customer).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, orderId).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = orders.createNativeQuery("""
                SELECT request_hash, order_id FROM idempotency_keys WHERE customer_id = ?1 AND key = ?2
                """).setParameter(1, customer).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw new IdempotencyKeyReused(key);
        }
        return Optional.of((UUID) row[1]);
    }

    /**
     * Claims several keys in one statement, for orders combined into one transaction; each command's key with its
     * request hash and order id. Keys are written in (customer, key) order, so two such statements, or one and
     * {@link #claimOrFind}, queue on a key instead of deadlocking. A key already there (or taken by a transaction still
     * running, which this waits for) is not claimed.
     *
     * @return the order ids whose keys this call claimed (a set that answers {@code contains(null)} with false, for
     *         commands that were not claimed at all)
     */
    public java.util.Set<UUID> claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return new java.util.HashSet<>();
        }
        var sorted = new java.util.ArrayList<>(claims);
        sorted.sort(java.util.Comparator.comparing(Claim::customer).thenComparing(Claim::key));
        var values = new java.util.ArrayList<Object>(sorted.size() * 4);
        sorted.forEach(
                c -> values.addAll(java.util.Arrays.asList(c.customer(), c.key(), c.requestHash(), c.orderId())));
        return new java.util.HashSet<>(CLAIMS.insertReturning(orders, values, UUID.class));
    }

    /** Takes back a claim this transaction made (an order of a combined transaction that is not placed in it). */
    public void release(Claim claim) {
        orders.createNativeQuery("DELETE FROM idempotency_keys WHERE customer_id = ?1 AND key = ?2 AND order_id = ?3")
                .setParameter(1, claim.customer()).setParameter(2, claim.key()).setParameter(3, claim.orderId())
                .executeUpdate();
    }

    /** A key to claim for an order. */
    public record Claim(UUID customer, String key, String requestHash, UUID orderId) {
    }
}
