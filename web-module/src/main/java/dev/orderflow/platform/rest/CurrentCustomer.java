package dev.orderflow.platform.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * The authenticated caller of this request: the customer id is the token's subject, which the token realm makes the
 * principal's name (server-config's security.cli, {@code principal-claim=sub}).
 */
@RequestScoped
public class CurrentCustomer {

    @Inject
    HttpServletRequest request;

    public UUID id() {
        return UUID.fromString(request.getUserPrincipal().getName());
    }
}
