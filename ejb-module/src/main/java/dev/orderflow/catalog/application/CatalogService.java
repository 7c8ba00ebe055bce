package dev.orderflow.catalog.application;

import dev.orderflow.catalog.domain.Category;
import dev.orderflow.catalog.domain.Product;
import dev.orderflow.catalog.infrastructure.ProductCache;
import dev.orderflow.platform.paging.Page;
import dev.orderflow.platform.paging.PageRequest;
import dev.orderflow.platform.sql.Placeholders;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the catalog (products_db). */
@Stateless
public class CatalogService {

    @PersistenceContext(unitName = "catalog")
    EntityManager catalog;

    @Inject
    ProductCache cache;

    /**
     * Searches active products: text in name or description, a category with all its descendants, a price range; sorted
     * and paged. Read-only.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<ProductSummary> search(ProductQuery query, PageRequest request) {
        var where = new StringBuilder(" from Product p where p.active = true");
        var parameters = new HashMap<String, Object>();
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(p.name) like :text escape '\\' or lower(p.description) like :text escape '\\')");
            parameters.put("text", query.likePattern());
        }
        if (query.categoryId() != null) {
            List<UUID> categories = categoryWithDescendants(query.categoryId());
            if (categories.isEmpty()) {
                return new Page<>(List.of(), request.page(), request.size(), 0);
            }
            where.append(" and p.categoryId in :categories");
            parameters.put("categories", categories);
        }
        if (query.minPrice() != null) {
            where.append(" and p.price >= :minPrice");
            parameters.put("minPrice", query.minPrice());
        }
        if (query.maxPrice() != null) {
            where.append(" and p.price <= :maxPrice");
            parameters.put("maxPrice", query.maxPrice());
        }
        var select = catalog.createQuery("select p" + where + " order by " + query.sort().orderBy, Product.class);
        var count = catalog.createQuery("select count(p)" + where, Long.class);
        parameters.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        var items = select.setFirstResult(request.offset()).setMaxResults(request.size()).getResultStream()
                .map(ProductSummary::of).toList();
        return new Page<>(items, request.page(), request.size(), count.getSingleResult());
    }

    /** An active product's page from Redis, else from products_db (then cached in Redis); null when there is none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProductDetail productPage(UUID id) {
        return cache.get(id).orElseGet(() -> {
            Product found = catalog.find(Product.class, id);
            if (found == null || !found.isActive()) {
                return null;
            }
            var loaded = new ProductDetail(found.id(), found.sku(), found.name(), found.description(), found.price(),
                    found.categoryId(), found.imageUrl(), 0);
            cache.put(loaded);
            return loaded;
        });
    }

    /** A product's available stock, all warehouses together, now; null for an unknown product. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Long availableStock(UUID id) {
        ProductAvailability found = availability(List.of(id)).get(id);
        return found == null ? null : found.available();
    }

    /** The available stock, all warehouses together, of each of the given products now; unknown ids left out. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<UUID, Long> availableStock(Collection<UUID> ids) {
        var stock = new HashMap<UUID, Long>();
        availability(ids).forEach((id, found) -> stock.put(id, found.available()));
        return stock;
    }

    /** The category tree, roots first, children by name, as stored now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CategoryNode> categoryTree() {
        List<Category> all = catalog.createQuery("select c from Category c order by c.name, c.id", Category.class)
                .getResultList();
        return childrenOf(null, all);
    }

    private List<CategoryNode> childrenOf(UUID parent, List<Category> all) {
        return all.stream().filter(c -> java.util.Objects.equals(c.parentId(), parent))
                .map(c -> new CategoryNode(c.id(), c.name(), childrenOf(c.id(), all))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> categoryWithDescendants(UUID root) {
        return catalog.createNativeQuery("""
                WITH RECURSIVE tree(id) AS (
                    SELECT id FROM categories WHERE id = ?1
                    UNION
                    SELECT c.id FROM categories c JOIN tree t ON c.parent_id = t.id
                )
                SELECT id FROM tree
                """).setParameter(1, root).getResultList();
    }

    /** Current price, state and available stock of the given products; unknown ids are left out. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<UUID, ProductAvailability> availability(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = catalog.createNativeQuery("""
                SELECT p.id, p.sku, p.name, p.price, p.active,
                       coalesce((SELECT sum(i.quantity - i.reserved_quantity) FROM inventory i
                                 WHERE i.product_id = p.id), 0)
                FROM products p WHERE p.id IN (SELECT unnest(cast(?1 AS uuid[])))
                """).setParameter(1, Placeholders.uuidArray(productIds)).getResultList();
        var result = new HashMap<UUID, ProductAvailability>();
        rows.forEach(r -> result.put((UUID) r[0], new ProductAvailability((UUID) r[0], (String) r[1], (String) r[2],
                (BigDecimal) r[3], (Boolean) r[4], ((Number) r[5]).longValue())));
        return result;
    }
}
