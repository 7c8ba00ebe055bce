package dev.orderflow.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.catalog.application.InsufficientStock;
import dev.orderflow.customer.application.AddressNotFound;
import dev.orderflow.platform.operations.IntakePaused;
import dev.orderflow.platform.problem.DependencyUnavailable;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderOutcomesTest {

    @Test
    void rejectionsAreTaggedWithAShortStableReason() {
        assertEquals("insufficient_stock", OrderOutcomes.reasonOf(new InsufficientStock(UUID.randomUUID(), 3, 1)));
        assertEquals("empty_cart", OrderOutcomes.reasonOf(new EmptyCart()));
        assertEquals("idempotency_key_reused", OrderOutcomes.reasonOf(new IdempotencyKeyReused("k-1")));
        assertEquals("not_found", OrderOutcomes.reasonOf(new AddressNotFound(UUID.randomUUID())));
        assertEquals("intake_paused", OrderOutcomes.reasonOf(new IntakePaused()));
        assertEquals("dependency_unavailable", OrderOutcomes.reasonOf(new DependencyUnavailable("redis", null)));
        assertEquals("error", OrderOutcomes.reasonOf(new IllegalStateException("bug")));
    }
}
