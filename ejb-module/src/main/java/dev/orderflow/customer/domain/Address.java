package dev.orderflow.customer.domain;

import dev.orderflow.platform.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A postal address of one customer (users_db.addresses); only its owner sees or changes it. */
@Entity
@Table(name = "addresses")
public class Address {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private String street;

    @Column(nullable = false)
    private String city;

    private String state;

    @Column(name = "zip_code", nullable = false)
    private String zipCode;

    @Column(nullable = false)
    private String country;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    protected Address() {
        // for JPA
    }

    public Address(UUID customerId, PostalAddress postal) {
        this.id = Uuids.next();
        this.customerId = customerId;
        change(postal);
    }

    public void change(PostalAddress postal) {
        this.street = postal.street();
        this.city = postal.city();
        this.state = postal.state();
        this.zipCode = postal.zipCode();
        this.country = postal.country();
    }

    public void markDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    public boolean belongsTo(UUID customer) {
        return customerId.equals(customer);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public PostalAddress postal() {
        return new PostalAddress(street, city, state, zipCode, country);
    }
}
