package dev.orderflow.order.application;

import java.util.Map;
import java.util.UUID;

/**
 * Place an order for a customer: the products and quantities, the address to ship to, how it is paid
 * ({@link PaymentMethods}), and the client's idempotency key with the hash of its request, so a retried request yields
 * the same order.
 */
public record PlaceOrder(UUID customerId, String idempotencyKey, String requestHash, UUID shippingAddressId,
        Map<UUID, Integer> quantities, String paymentMethod, String correlationId) {

    public PlaceOrder {
        quantities = Map.copyOf(quantities);
    }
}
