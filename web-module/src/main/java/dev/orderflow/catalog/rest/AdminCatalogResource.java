package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.application.CatalogAdminService;
import dev.orderflow.catalog.application.CategoryNode;
import dev.orderflow.catalog.application.ProductSummary;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import dev.orderflow.platform.rest.RequestValidator;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Catalog administration: categories, products, warehouses and stock counts. */
@ApplicationScoped
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminCatalogResource {

    public record CategoryRequest(@NotBlank @Size(max = 255) String name, UUID parentId) {
    }

    public record WarehouseRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,50}") String code,
            @NotBlank @Size(max = 255) String name) {
    }

    /** Read as a decimal and range-checked first: JSON-B would wrap out-of-range numbers into an int. */
    public record StockRequest(
            @NotNull @Digits(integer = 7, fraction = 0) @DecimalMin("0") @DecimalMax("1000000") BigDecimal quantity) {
    }

    @Inject
    CatalogAdminService admin;

    @Inject
    RequestValidator validator;

    @POST
    @Path("/categories")
    public Response createCategory(CategoryRequest request) {
        var valid = validator.valid(request);
        CategoryNode created = admin.createCategory(valid.name(), valid.parentId());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("/products")
    public Response createProduct(ProductRequest request, @Context UriInfo uri) {
        var valid = validator.valid(request);
        if (valid.sku() == null) {
            throw new InvalidRequest(List.of(new Problem.FieldError("sku", "must not be null")));
        }
        ProductSummary created = admin.createProduct(valid.sku(), valid.details());
        return Response.created(uri.getBaseUriBuilder().path("products/" + created.id()).build()).entity(created)
                .build();
    }

    @PUT
    @Path("/products/{id}")
    public ProductSummary changeProduct(@PathParam("id") UUID id, ProductRequest request) {
        return admin.changeProduct(id, validator.valid(request).details());
    }

    @DELETE
    @Path("/products/{id}")
    public Response deactivateProduct(@PathParam("id") UUID id) {
        admin.deactivateProduct(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/warehouses")
    public Response createWarehouse(WarehouseRequest request) {
        var valid = validator.valid(request);
        admin.createWarehouse(valid.code(), valid.name());
        return Response.status(Response.Status.CREATED).build();
    }

    @PUT
    @Path("/products/{id}/stock/{warehouse}")
    public Response setStock(@PathParam("id") UUID id, @PathParam("warehouse") String warehouse, StockRequest request) {
        admin.setStock(id, warehouse, validator.valid(request).quantity().intValueExact());
        return Response.noContent().build();
    }
}
