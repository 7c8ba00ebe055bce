package dev.orderflow.catalog.application;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One order line's stock, taken: the product as it was sold (price at purchase), how many, and the product's available
 * stock (all warehouses) left after the take.
 */
public record StockTaken(UUID productId, String sku, String name, BigDecimal unitPrice, int quantity,
        long availableAfter) {
}
