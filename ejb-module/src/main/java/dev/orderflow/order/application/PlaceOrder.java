package dev.orderflow.order.application;

import dev.orderflow.customer.domain.PostalAddress;
import java.util.Map;
import java.util.UUID;

/**
 * Place an order for a customer: the products and quantities, the address to ship to (its id and the postal address
 * read before the order's transaction, null when the customer has no such address or before {@link CheckoutBatcher} has
 * read it), how it is paid ({@link PaymentMethods}), and the client's idempotency key with the hash of its request, so
 * a retried request yields the same order.
 */
public record PlaceOrder(UUID customerId, String idempotencyKey, String requestHash, UUID shippingAddressId,
        PostalAddress shipTo, Map<UUID, Integer> quantities, String paymentMethod, String correlationId) {

    public PlaceOrder {
        quantities = Map.copyOf(quantities);
    }

    /** The same command with the postal address read for it (null: the customer has no such address). */
    public PlaceOrder shippingTo(PostalAddress postal) {
        return new PlaceOrder(customerId, idempotencyKey, requestHash, shippingAddressId, postal, quantities,
                paymentMethod, correlationId);
    }
}
