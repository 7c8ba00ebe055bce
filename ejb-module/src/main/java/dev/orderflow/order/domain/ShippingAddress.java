package dev.orderflow.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The address an order ships to, copied onto the order when it is placed. */
@Embeddable
public record ShippingAddress(@Column(name = "ship_street") String street, @Column(name = "ship_city") String city,
        @Column(name = "ship_state") String state, @Column(name = "ship_zip") String zipCode,
        @Column(name = "ship_country") String country) {
}
