package dev.orderflow.catalog.domain;

import dev.orderflow.platform.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A product of the catalog, identified by its unique SKU and sold at an exact decimal price.
 * <p>
 * Life cycle: created active; an admin may change it or deactivate it, after which it is no longer listed nor sold.
 * Stock is not held here but per warehouse in the inventory.
 */
@Entity
@Table(name = "products")
public class Product {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String sku;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    @Column(name = "category_id")
    private UUID categoryId;

    @Column(name = "image_url", length = 500)
    private String imageUrl;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Product() {
        // for JPA
    }

    /** A new, active product. */
    public static Product create(String sku, ProductDetails details) {
        var product = new Product();
        product.id = Uuids.next();
        product.sku = sku.strip();
        product.active = true;
        product.createdAt = OffsetDateTime.now();
        product.change(details);
        return product;
    }

    /** Changes what is shown and charged; the SKU never changes. */
    public void change(ProductDetails details) {
        if (details.price().signum() < 0) {
            throw new IllegalArgumentException("price must not be negative");
        }
        this.name = details.name().strip();
        this.description = details.description();
        this.price = details.price();
        this.categoryId = details.categoryId();
        this.imageUrl = details.imageUrl();
        this.updatedAt = OffsetDateTime.now();
    }

    /** No longer listed nor sold; orders already placed keep it. */
    public void deactivate() {
        this.active = false;
        this.updatedAt = OffsetDateTime.now();
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public BigDecimal price() {
        return price;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public String imageUrl() {
        return imageUrl;
    }

    public boolean isActive() {
        return active;
    }
}
