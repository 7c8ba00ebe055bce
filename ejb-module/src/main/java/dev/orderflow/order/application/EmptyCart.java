package dev.orderflow.order.application;

import dev.orderflow.platform.problem.Conflict;

public class EmptyCart extends Conflict {

    private static final long serialVersionUID = 1L;

    public EmptyCart() {
        super("The cart is empty: add products or send the lines with the checkout.");
    }

    @Override
    public String rule() {
        return "empty-cart";
    }
}
