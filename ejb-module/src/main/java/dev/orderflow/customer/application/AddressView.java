package dev.orderflow.customer.application;

import dev.orderflow.customer.domain.Address;
import dev.orderflow.customer.domain.PostalAddress;
import java.util.UUID;

public record AddressView(UUID id, PostalAddress address, boolean isDefault) {

    static AddressView of(Address address) {
        return new AddressView(address.id(), address.postal(), address.isDefault());
    }
}
