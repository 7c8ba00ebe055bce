package dev.orderflow.payment;

import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * Gives a cancelled order's money back: in the cancellation's transaction, its succeeded payment becomes refunded and
 * {@code payment.refunded} goes to the outbox (the gateway's refund itself is simulated). An order never paid, or
 * already refunded, changes nothing.
 */
@ApplicationScoped
public class Refunds {

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @Inject
    Outbox outbox;

    public void refundIfPaid(Order order, String reason, String correlationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> refunded = orders.createNativeQuery("""
                UPDATE payments SET status = 'refunded', updated_at = now()
                WHERE order_id = ?1 AND status = 'succeeded' RETURNING id, amount
                """).setParameter(1, order.id()).getResultList();
        for (Object[] payment : refunded) {
            outbox.append("order", order.id(), "payment.refunded",
                    JsonFactory.object().add("paymentId", payment[0].toString()).add("orderId", order.id().toString())
                            .add("amount", (BigDecimal) payment[1]).add("reason", reason).build(),
                    correlationId);
        }
    }
}
