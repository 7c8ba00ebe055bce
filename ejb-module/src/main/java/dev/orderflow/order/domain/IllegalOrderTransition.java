package dev.orderflow.order.domain;

import dev.orderflow.platform.problem.Conflict;
import java.util.UUID;

/** A status change the life cycle does not allow; the order is left as it was. */
public class IllegalOrderTransition extends Conflict {

    private static final long serialVersionUID = 1L;

    public IllegalOrderTransition(UUID order, OrderStatus from, OrderStatus to) {
        super("Order " + order + " cannot go from " + from.externalName() + " to " + to.externalName() + ".");
    }

    @Override
    public String rule() {
        return "illegal-order-transition";
    }
}
