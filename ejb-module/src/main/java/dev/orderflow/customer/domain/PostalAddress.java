package dev.orderflow.customer.domain;

/** The postal part of an address, as snapshotted onto an order. */
public record PostalAddress(String street, String city, String state, String zipCode, String country) {
}
