package dev.orderflow.catalog.application;

import dev.orderflow.platform.problem.NotFound;

public class CategoryNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public CategoryNotFound(Object id) {
        super("Category " + id + " not found.");
    }
}
