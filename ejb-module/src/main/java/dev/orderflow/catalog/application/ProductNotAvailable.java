package dev.orderflow.catalog.application;

import dev.orderflow.platform.problem.Conflict;
import java.util.UUID;

/** The product does not exist or is no longer sold. */
public class ProductNotAvailable extends Conflict {

    private static final long serialVersionUID = 1L;

    public ProductNotAvailable(UUID productId) {
        super("Product " + productId + " does not exist or is not sold any more.");
    }

    @Override
    public String rule() {
        return "product-not-available";
    }
}
