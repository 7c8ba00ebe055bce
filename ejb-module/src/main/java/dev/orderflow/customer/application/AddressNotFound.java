package dev.orderflow.customer.application;

import dev.orderflow.platform.problem.NotFound;
import java.util.UUID;

/** No such address among the caller's own. */
public class AddressNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public AddressNotFound(UUID id) {
        super("Address " + id + " not found.");
    }
}
