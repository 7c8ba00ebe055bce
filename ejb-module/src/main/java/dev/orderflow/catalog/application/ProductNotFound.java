package dev.orderflow.catalog.application;

import dev.orderflow.platform.problem.NotFound;

public class ProductNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public ProductNotFound(Object id) {
        super("Product " + id + " not found.");
    }
}
