package dev.orderflow.customer.rest;

import dev.orderflow.customer.domain.PostalAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AddressRequest(@NotBlank @Size(max = 255) String street, @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String state, @NotBlank @Size(max = 20) String zipCode,
        @NotBlank @Size(max = 100) String country, boolean isDefault) {

    PostalAddress postal() {
        return new PostalAddress(street.strip(), city.strip(), state == null ? null : state.strip(), zipCode.strip(),
                country.strip());
    }
}
