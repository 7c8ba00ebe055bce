package dev.orderflow.catalog.infrastructure;

import dev.orderflow.catalog.application.ProductChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Evicts a changed product once its change is committed, so no reader can re-cache the old version. */
@ApplicationScoped
public class ProductCacheInvalidation {

    @Inject
    ProductCache cache;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged change) {
        cache.evict(change.productId());
    }
}
