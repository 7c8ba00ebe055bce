package dev.orderflow.catalog.infrastructure;

import dev.orderflow.catalog.application.CategoriesChanged;
import dev.orderflow.catalog.application.ProductChanged;
import dev.orderflow.catalog.application.StockChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Evicts what changed once the change is committed, so no reader can re-cache the old version: Redis and every node's
 * near cache for a product, this node's stock figures, every node's category tree.
 */
@ApplicationScoped
public class ProductCacheInvalidation {

    @Inject
    ProductCache cache;

    @Inject
    CatalogNearCache nearCache;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged change) {
        cache.evict(change.productId());
        nearCache.productChanged(change.productId());
    }

    void onStock(@Observes(during = TransactionPhase.AFTER_SUCCESS) StockChanged change) {
        nearCache.stockChanged(change.productIds());
    }

    void onCategories(@Observes(during = TransactionPhase.AFTER_SUCCESS) CategoriesChanged change) {
        nearCache.categoriesChanged();
    }
}
