package dev.orderflow.catalog.application;

import java.math.BigDecimal;
import java.util.UUID;

/** A product as an order buys it: its current SKU, name and price (read under a share lock held to commit). */
public record ProductForSale(UUID id, String sku, String name, BigDecimal price) {
}
