package dev.orderflow.catalog.application;

import java.util.Set;
import java.util.UUID;

/** Fired (CDI) when stock of these products was taken, given back or counted; observed after commit. */
public record StockChanged(Set<UUID> productIds) {
}
