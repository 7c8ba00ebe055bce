package dev.orderflow.customer.rest;

import dev.orderflow.customer.application.AccountService;
import dev.orderflow.customer.application.CustomerProfile;
import dev.orderflow.platform.rest.CurrentCustomer;
import dev.orderflow.platform.rest.RequestValidator;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@ApplicationScoped
@Path("/customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    AccountService accounts;

    @Inject
    RequestValidator validator;

    @Inject
    CurrentCustomer caller;

    @POST
    @PermitAll
    @Operation(summary = "Register a customer account")
    public Response register(RegistrationRequest request, @Context UriInfo uri) {
        var valid = validator.valid(request);
        CustomerProfile profile = accounts.register(valid.email(), valid.name(), valid.password().toCharArray());
        return Response.created(uri.getBaseUriBuilder().path("customers/me").build()).entity(profile).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's own profile")
    public CustomerProfile me() {
        return accounts.profile(caller.id());
    }
}
