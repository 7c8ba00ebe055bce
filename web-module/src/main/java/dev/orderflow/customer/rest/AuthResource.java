package dev.orderflow.customer.rest;

import dev.orderflow.customer.application.AccountService;
import dev.orderflow.platform.jwt.TokenIssuer.IssuedToken;
import dev.orderflow.platform.rest.RateLimits;
import dev.orderflow.platform.rest.RequestValidator;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@ApplicationScoped
@Path("/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AccountService accounts;

    @Inject
    RequestValidator validator;

    @Inject
    RateLimits rateLimits;

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Exchange e-mail and password for a bearer token (valid 24 h); 10 attempts a minute per account and address")
    public IssuedToken login(LoginRequest request, @HeaderParam("X-Real-IP") String clientIp) {
        var valid = validator.valid(request);
        rateLimits.enforceLogin(clientIp, valid.email());
        return accounts.login(valid.email(), valid.password().toCharArray());
    }
}
