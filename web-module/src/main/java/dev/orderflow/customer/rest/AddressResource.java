package dev.orderflow.customer.rest;

import dev.orderflow.customer.application.AddressBook;
import dev.orderflow.customer.application.AddressView;
import dev.orderflow.platform.rest.CurrentCustomer;
import dev.orderflow.platform.rest.RequestValidator;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's own addresses; another customer's are 404. */
@ApplicationScoped
@Path("/customers/me/addresses")
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AddressResource {

    @Inject
    AddressBook addresses;

    @Inject
    RequestValidator validator;

    @Inject
    CurrentCustomer caller;

    @GET
    public List<AddressView> list() {
        return addresses.list(caller.id());
    }

    @POST
    public Response add(AddressRequest request, @Context UriInfo uri) {
        var valid = validator.valid(request);
        AddressView added = addresses.add(caller.id(), valid.postal(), valid.isDefault());
        return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build()).entity(added).build();
    }

    @GET
    @Path("/{id}")
    public AddressView get(@PathParam("id") UUID id) {
        return addresses.get(caller.id(), id);
    }

    @PUT
    @Path("/{id}")
    public AddressView change(@PathParam("id") UUID id, AddressRequest request) {
        var valid = validator.valid(request);
        return addresses.change(caller.id(), id, valid.postal(), valid.isDefault());
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") UUID id) {
        addresses.remove(caller.id(), id);
        return Response.noContent().build();
    }
}
