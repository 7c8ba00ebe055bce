package dev.orderflow.cart.application;

import dev.orderflow.platform.problem.Conflict;

public class CartLimitExceeded extends Conflict {

    private static final long serialVersionUID = 1L;

    public CartLimitExceeded(int maxLines) {
        super("A cart holds at most " + maxLines + " different products.");
    }

    @Override
    public String rule() {
        return "cart-limit";
    }
}
