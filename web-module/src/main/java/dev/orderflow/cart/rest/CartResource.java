package dev.orderflow.cart.rest;

import dev.orderflow.cart.application.CartService;
import dev.orderflow.cart.application.CartView;
import dev.orderflow.platform.rest.CurrentCustomer;
import dev.orderflow.platform.rest.RequestValidator;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's cart, kept 7 days after its last change. */
@ApplicationScoped
@Path("/cart")
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    @Inject
    CartService carts;

    @Inject
    RequestValidator validator;

    @Inject
    CurrentCustomer caller;

    @GET
    @Operation(summary = "The cart with current prices and availability")
    public CartView view() {
        return carts.view(caller.id());
    }

    @PUT
    @Path("/items/{productId}")
    @Operation(summary = "Add a product or change its quantity (1 to 99)")
    public CartView put(@PathParam("productId") UUID productId, CartItemRequest request) {
        return carts.put(caller.id(), productId, validator.valid(request).quantityValue());
    }

    @DELETE
    @Path("/items/{productId}")
    public CartView remove(@PathParam("productId") UUID productId) {
        return carts.remove(caller.id(), productId);
    }

    @DELETE
    public Response clear() {
        carts.clear(caller.id());
        return Response.noContent().build();
    }
}
