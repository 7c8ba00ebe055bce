package dev.orderflow.catalog.application;

import java.math.BigDecimal;
import java.util.UUID;

/** One order line's stock, taken: the product as it was sold (price at purchase) and how many. */
public record StockTaken(UUID productId, String sku, String name, BigDecimal unitPrice, int quantity) {
}
