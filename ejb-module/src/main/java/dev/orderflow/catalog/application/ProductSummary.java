package dev.orderflow.catalog.application;

import dev.orderflow.catalog.domain.Product;
import java.math.BigDecimal;
import java.util.UUID;

/** What a catalog listing shows of a product. */
public record ProductSummary(UUID id, String sku, String name, String description, BigDecimal price, UUID categoryId,
        String imageUrl) {

    static ProductSummary of(Product product) {
        return new ProductSummary(product.id(), product.sku(), product.name(), product.description(), product.price(),
                product.categoryId(), product.imageUrl());
    }
}
