package dev.orderflow.order.application;

import dev.orderflow.platform.problem.NotFound;
import java.util.UUID;

/** No such order, or not the caller's. */
public class OrderNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public OrderNotFound(UUID id) {
        super("Order " + id + " not found.");
    }
}
