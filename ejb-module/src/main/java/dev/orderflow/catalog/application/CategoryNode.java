package dev.orderflow.catalog.application;

import java.util.List;
import java.util.UUID;

/** A category with its sub-categories. */
public record CategoryNode(UUID id, String name, List<CategoryNode> children) {
}
