package dev.orderflow.catalog.application;

import dev.orderflow.platform.problem.Conflict;
import java.util.UUID;

/** Not enough stock across all warehouses for one line; nothing was taken. */
public class InsufficientStock extends Conflict {

    private static final long serialVersionUID = 1L;

    public InsufficientStock(UUID productId, int requested, long available) {
        super("Product " + productId + ": " + requested + " requested, " + available + " available.");
    }

    @Override
    public String rule() {
        return "insufficient-stock";
    }
}
