package dev.orderflow.catalog.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** The changeable part of a product. */
public record ProductDetails(String name, String description, BigDecimal price, UUID categoryId, String imageUrl) {
}
