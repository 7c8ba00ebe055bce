package dev.orderflow.catalog.domain;

import dev.orderflow.platform.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A node of the category tree; a category without parent is a root. */
@Entity
@Table(name = "categories")
public class Category {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "parent_id")
    private UUID parentId;

    protected Category() {
        // for JPA
    }

    public Category(String name, UUID parentId) {
        this.id = Uuids.next();
        this.name = name.strip();
        this.parentId = parentId;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID parentId() {
        return parentId;
    }
}
