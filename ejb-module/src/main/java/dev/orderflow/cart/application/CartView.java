package dev.orderflow.cart.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A cart with current prices and availability; lines of products no longer sold are flagged. */
public record CartView(List<Line> lines, BigDecimal total) {

    public record Line(UUID productId, String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal subtotal,
            boolean available) {
    }
}
