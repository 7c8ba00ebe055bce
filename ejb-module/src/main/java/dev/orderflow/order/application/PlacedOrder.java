package dev.orderflow.order.application;

/** The outcome of a checkout: the order, and whether it was placed by an earlier request with the same key. */
public record PlacedOrder(OrderView order, boolean replayed) {
}
