package dev.orderflow.catalog.application;

import dev.orderflow.catalog.infrastructure.CatalogNearCache;
import dev.orderflow.platform.paging.Page;
import dev.orderflow.platform.paging.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * The catalog's hottest reads, served from this node's memory ({@link CatalogNearCache}) without an EJB call or a
 * connection; only a miss goes to {@link CatalogService} (Redis, then products_db). See {@link CatalogNearCache} for
 * how old each part may be.
 */
@ApplicationScoped
public class ProductPages {

    @Inject
    CatalogNearCache nearCache;

    @Inject
    CatalogService catalog;

    @PostConstruct
    void refreshStock() {
        nearCache.refreshStockWith(catalog::availableStock);
    }

    /**
     * An active product with its available stock.
     *
     * @throws ProductNotFound
     *             for an unknown or deactivated product
     */
    public ProductDetail page(UUID id) {
        ProductDetail product = nearCache.product(id, catalog::productPage);
        Long available = product == null ? null : nearCache.available(id, catalog::availableStock);
        if (available == null) {
            throw new ProductNotFound(id);
        }
        return product.withAvailable(available);
    }

    /** One page of a catalog search (see {@link CatalogService#search}); the same query is answered from memory. */
    @Counted(name = "catalog.listings", absolute = true, description = "Product listing pages served")
    @Timed(name = "catalog.listing.duration", absolute = true, description = "Time to serve one listing page")
    public Page<ProductSummary> search(ProductQuery query, PageRequest request) {
        return nearCache.search(new SearchKey(query, request), () -> catalog.search(query, request));
    }

    private record SearchKey(ProductQuery query, PageRequest page) {
    }

    /** The category tree, roots first, children by name. */
    public List<CategoryNode> categories() {
        return nearCache.categories(catalog::categoryTree);
    }
}
