package dev.orderflow.customer.application;

import dev.orderflow.platform.problem.NotFound;
import java.util.UUID;

public class CustomerNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public CustomerNotFound(UUID id) {
        super("Customer " + id + " not found.");
    }
}
