package dev.orderflow.customer.application;

import dev.orderflow.platform.problem.Conflict;

public class TooManyAddresses extends Conflict {

    private static final long serialVersionUID = 1L;

    public TooManyAddresses(int limit) {
        super("A customer can keep at most " + limit + " addresses.");
    }

    @Override
    public String rule() {
        return "address-limit";
    }
}
