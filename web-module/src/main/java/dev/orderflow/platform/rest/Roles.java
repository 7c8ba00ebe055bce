package dev.orderflow.platform.rest;

/** The groups of a token, as used by {@code @RolesAllowed}. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
