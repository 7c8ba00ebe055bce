package dev.orderflow.catalog.application;

import dev.orderflow.platform.problem.Conflict;

public class SkuAlreadyExists extends Conflict {

    private static final long serialVersionUID = 1L;

    public SkuAlreadyExists(String sku) {
        super("A product with SKU " + sku + " already exists.");
    }

    @Override
    public String rule() {
        return "sku-already-exists";
    }
}
