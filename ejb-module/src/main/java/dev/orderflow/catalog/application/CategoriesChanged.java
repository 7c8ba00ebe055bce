package dev.orderflow.catalog.application;

/** Fired (CDI) when the category tree changed; observed after commit. */
public record CategoriesChanged() {
}
