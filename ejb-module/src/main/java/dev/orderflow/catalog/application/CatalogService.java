package dev.orderflow.catalog.application;

import dev.orderflow.catalog.domain.Product;
import dev.orderflow.platform.paging.Page;
import dev.orderflow.platform.paging.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** Reads the catalog (products_db). */
@Stateless
public class CatalogService {

    @PersistenceContext(unitName = "catalog")
    EntityManager catalog;

    /**
     * Lists active products by name, one page at a time. Read-only: runs without a JTA transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @Counted(name = "catalog.listings", absolute = true, description = "Product listing pages served")
    @Timed(name = "catalog.listing.duration", absolute = true, description = "Time to read one listing page")
    public Page<ProductSummary> listProducts(PageRequest request) {
        var items = catalog
                .createQuery("select p from Product p where p.active = true order by p.name, p.id", Product.class)
                .setFirstResult(request.offset()).setMaxResults(request.size()).getResultStream()
                .map(ProductSummary::of).toList();
        long total = catalog.createQuery("select count(p) from Product p where p.active = true", Long.class)
                .getSingleResult();
        return new Page<>(items, request.page(), request.size(), total);
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
                FROM products p WHERE p.id IN (:ids)
                """).setParameter("ids", productIds).getResultList();
        var result = new HashMap<UUID, ProductAvailability>();
        rows.forEach(r -> result.put((UUID) r[0], new ProductAvailability((UUID) r[0], (String) r[1], (String) r[2],
                (BigDecimal) r[3], (Boolean) r[4], ((Number) r[5]).longValue())));
        return result;
    }
}
