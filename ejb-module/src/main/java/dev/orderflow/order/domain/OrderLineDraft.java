package dev.orderflow.order.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A line to place: a product as sold (price at purchase) and a quantity. */
public record OrderLineDraft(UUID productId, String sku, String name, BigDecimal unitPrice, int quantity) {
}
