package dev.orderflow.customer.application;

import dev.orderflow.customer.domain.Customer;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the API shows of an account: never the password hash. */
public record CustomerProfile(UUID id, String email, String name, String role, OffsetDateTime createdAt) {

    static CustomerProfile of(Customer customer) {
        return new CustomerProfile(customer.id(), customer.email(), customer.name(), customer.role().externalName(),
                customer.createdAt());
    }
}
