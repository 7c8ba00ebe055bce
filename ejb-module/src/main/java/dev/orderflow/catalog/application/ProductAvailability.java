package dev.orderflow.catalog.application;

import java.math.BigDecimal;
import java.util.UUID;

/** A product's current price and how many can be ordered now (all warehouses). */
public record ProductAvailability(UUID id, String sku, String name, BigDecimal price, boolean active, long available) {
}
