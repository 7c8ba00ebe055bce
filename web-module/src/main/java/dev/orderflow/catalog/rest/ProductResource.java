package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.application.CatalogService;
import dev.orderflow.catalog.application.ProductSummary;
import dev.orderflow.platform.paging.PageRequest;
import dev.orderflow.platform.rest.PageResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    CatalogService catalog;

    @GET
    @Operation(summary = "List active products by name, one page at a time")
    public PageResponse<ProductSummary> list(
            @Parameter(description = "page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to 100 (default 20)") @QueryParam("size") String size) {
        return PageResponse.of(catalog.listProducts(PageRequest.parse(page, size)));
    }
}
