package dev.orderflow.platform.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of this request: the customer id is the token's subject. */
@RequestScoped
public class CurrentCustomer {

    @Inject
    JsonWebToken token;

    public UUID id() {
        return UUID.fromString(token.getSubject());
    }
}
