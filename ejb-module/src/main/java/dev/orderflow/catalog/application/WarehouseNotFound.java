package dev.orderflow.catalog.application;

import dev.orderflow.platform.problem.NotFound;

public class WarehouseNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public WarehouseNotFound(Object id) {
        super("Warehouse " + id + " not found.");
    }
}
