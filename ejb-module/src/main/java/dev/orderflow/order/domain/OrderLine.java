package dev.orderflow.order.domain;

import dev.orderflow.platform.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One product of an order, with the price it was bought at. Changed only through its {@link Order}. */
@Entity
@Table(name = "order_items")
public class OrderLine {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    private String sku;

    @Column(name = "product_name")
    private String productName;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "price_at_purchase", nullable = false, precision = 10, scale = 2)
    private BigDecimal priceAtPurchase;

    protected OrderLine() {
        // for JPA
    }

    OrderLine(Order order, OrderLineDraft draft) {
        this.id = Uuids.next();
        this.order = order;
        this.productId = draft.productId();
        this.sku = draft.sku();
        this.productName = draft.name();
        this.quantity = draft.quantity();
        this.priceAtPurchase = draft.unitPrice();
    }

    BigDecimal subtotal() {
        return priceAtPurchase.multiply(BigDecimal.valueOf(quantity));
    }

    public UUID id() {
        return id;
    }

    public UUID productId() {
        return productId;
    }

    public String sku() {
        return sku;
    }

    public String productName() {
        return productName;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal priceAtPurchase() {
        return priceAtPurchase;
    }
}
