package dev.orderflow.catalog.application;

import java.math.BigDecimal;
import java.util.UUID;

/** A product page: the product as cached, plus the live available stock (all warehouses). */
public record ProductDetail(UUID id, String sku, String name, String description, BigDecimal price, UUID categoryId,
        String imageUrl, long available) {

    ProductDetail withAvailable(long available) {
        return new ProductDetail(id, sku, name, description, price, categoryId, imageUrl, available);
    }
}
