package dev.orderflow.catalog.application;

import dev.orderflow.platform.id.Uuids;
import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.catalog.domain.Category;
import dev.orderflow.catalog.domain.Product;
import dev.orderflow.catalog.domain.ProductDetails;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.UUID;

/** Admins keep the catalog (products_db): categories, products, warehouses and stock. */
@Stateless
public class CatalogAdminService {

    @PersistenceContext(unitName = "catalog")
    EntityManager catalog;

    @Inject
    Event<ProductChanged> changes;

    @Inject
    Event<StockChanged> stockChanges;

    @Inject
    Event<CategoriesChanged> categoryChanges;

    @Inject
    Outbox outbox;

    public CategoryNode createCategory(String name, UUID parentId) {
        if (parentId != null && catalog.find(Category.class, parentId) == null) {
            throw new CategoryNotFound(parentId);
        }
        var category = new Category(name, parentId);
        catalog.persist(category);
        categoryChanges.fire(new CategoriesChanged());
        return new CategoryNode(category.id(), category.name(), java.util.List.of());
    }

    /**
     * @throws SkuAlreadyExists
     *             when the SKU is taken, even by a deactivated product
     */
    public ProductSummary createProduct(String sku, ProductDetails details) {
        requireCategory(details.categoryId());
        boolean taken = !catalog.createQuery("select p.id from Product p where p.sku = :sku", UUID.class)
                .setParameter("sku", sku.strip()).getResultList().isEmpty();
        if (taken) {
            throw new SkuAlreadyExists(sku);
        }
        var product = Product.create(sku, details);
        try {
            catalog.persist(product);
            catalog.flush();
        } catch (PersistenceException e) {
            throw new SkuAlreadyExists(sku);
        }
        changes.fire(new ProductChanged(product.id())); // listings cached on the nodes must show it
        return ProductSummary.of(product);
    }

    /** Changes a product; its cached page is evicted once the change is committed. */
    public ProductSummary changeProduct(UUID id, ProductDetails details) {
        requireCategory(details.categoryId());
        Product product = find(id);
        product.change(details);
        changes.fire(new ProductChanged(id));
        return ProductSummary.of(product);
    }

    /** Stops listing and selling a product; its cached page is evicted once committed. */
    public void deactivateProduct(UUID id) {
        find(id).deactivate();
        changes.fire(new ProductChanged(id));
    }

    public void createWarehouse(String code, String name) {
        int inserted = catalog.createNativeQuery("""
                INSERT INTO warehouses (id, code, name) VALUES (?1, ?2, ?3) ON CONFLICT (code) DO NOTHING
                """).setParameter(1, Uuids.next()).setParameter(2, code).setParameter(3, name).executeUpdate();
        if (inserted == 0) {
            throw new WarehouseCodeTaken(code);
        }
    }

    /**
     * Sets the on-hand quantity of a product in a warehouse (a stock count) and records {@code inventory.updated} in
     * the outbox, in the same (XA) transaction. Refused below what is reserved there.
     */
    public void setStock(UUID productId, String warehouseCode, int quantity) {
        find(productId);
        @SuppressWarnings("unchecked")
        var warehouse = (java.util.List<UUID>) catalog.createNativeQuery("SELECT id FROM warehouses WHERE code = ?1")
                .setParameter(1, warehouseCode).getResultList();
        if (warehouse.isEmpty()) {
            throw new WarehouseNotFound(warehouseCode);
        }
        catalog.createNativeQuery("""
                INSERT INTO inventory (product_id, warehouse_id, quantity) VALUES (?1, ?2, ?3)
                ON CONFLICT (product_id, warehouse_id) DO UPDATE SET quantity = excluded.quantity, updated_at = now()
                """).setParameter(1, productId).setParameter(2, warehouse.get(0)).setParameter(3, quantity)
                .executeUpdate();
        long available = ((Number) catalog
                .createNativeQuery(
                        "SELECT coalesce(sum(quantity - reserved_quantity), 0) FROM inventory WHERE product_id = ?1")
                .setParameter(1, productId).getSingleResult()).longValue();
        stockChanges.fire(new StockChanged(java.util.Set.of(productId)));
        outbox.append("product", productId, "inventory.updated",
                JsonFactory.object().add("productId", productId.toString()).add("warehouseCode", warehouseCode)
                        .add("quantity", quantity).add("available", available).build(),
                null);
    }

    private Product find(UUID id) {
        Product product = catalog.find(Product.class, id);
        if (product == null) {
            throw new ProductNotFound(id);
        }
        return product;
    }

    private void requireCategory(UUID categoryId) {
        if (categoryId != null && catalog.find(Category.class, categoryId) == null) {
            throw new CategoryNotFound(categoryId);
        }
    }
}
