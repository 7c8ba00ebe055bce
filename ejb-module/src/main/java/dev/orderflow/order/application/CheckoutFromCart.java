package dev.orderflow.order.application;

import dev.orderflow.cart.application.CartService;
import dev.orderflow.platform.problem.DependencyUnavailable;
import dev.orderflow.platform.operations.OrderIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Checkout around the transaction: reads the cart (Redis) before it (and {@link CheckoutBatcher} the shipping address
 * from users_db, for a whole batch at once) and clears the cart after the commit, so nothing remote runs inside the
 * order's XA transaction, users_db is no branch of it, and a Redis outage cannot undo an order.
 */
@ApplicationScoped
public class CheckoutFromCart {

    private static final Logger LOG = Logger.getLogger(CheckoutFromCart.class.getName());

    @Inject
    CheckoutBatcher checkout;

    @Inject
    CartService carts;

    @Inject
    OrderIntake intake;

    /**
     * Places the order; with no explicit lines ({@code quantities} null) the cart's lines are ordered and the cart is
     * cleared once the order is committed.
     */
    public PlacedOrder place(UUID customer, String idempotencyKey, String requestHash, UUID shippingAddressId,
            Map<UUID, Integer> quantities, String paymentMethod, String correlationId) {
        boolean fromCart = quantities == null;
        Map<UUID, Integer> lines = fromCart ? carts.quantities(customer) : quantities;
        PlacedOrder placed = intake.admit(() -> checkout.place(new PlaceOrder(customer, idempotencyKey, requestHash,
                shippingAddressId, null, lines, paymentMethod, correlationId)));
        if (fromCart && !placed.replayed()) {
            clearQuietly(customer, placed);
        }
        if (!placed.replayed()) {
            LOG.info(() -> "order " + placed.order().id() + " placed by " + customer + ": "
                    + placed.order().lines().size() + " line(s), total " + placed.order().total());
        }
        return placed;
    }

    private void clearQuietly(UUID customer, PlacedOrder placed) {
        try {
            carts.clear(customer);
        } catch (DependencyUnavailable e) {
            LOG.warning(() -> "order " + placed.order().id() + " placed, cart of " + customer
                    + " not cleared: Redis unavailable");
        }
    }
}
