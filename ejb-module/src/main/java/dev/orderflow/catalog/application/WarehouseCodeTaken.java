package dev.orderflow.catalog.application;

import dev.orderflow.platform.problem.Conflict;

public class WarehouseCodeTaken extends Conflict {

    private static final long serialVersionUID = 1L;

    public WarehouseCodeTaken(String code) {
        super("A warehouse with code " + code + " already exists.");
    }

    @Override
    public String rule() {
        return "warehouse-code-taken";
    }
}
