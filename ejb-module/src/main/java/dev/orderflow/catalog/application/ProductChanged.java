package dev.orderflow.catalog.application;

import java.util.UUID;

/** Fired (CDI) when an admin changed or deactivated a product; observed after commit to evict caches. */
public record ProductChanged(UUID productId) {
}
