package dev.orderflow.customer.domain;

import java.util.Locale;

/** What a customer account may do. Admins are created by configuration, never by registration. */
public enum Role {
    CUSTOMER, ADMIN;

    /** The name used in the database and in tokens ("customer", "admin"). */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromExternalName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
