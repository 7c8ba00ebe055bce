package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.application.CatalogService;
import dev.orderflow.catalog.application.ProductSummary;
import dev.orderflow.platform.paging.Page;
import dev.orderflow.platform.paging.PageRequest;
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
    public ProductPageResponse list(@Parameter(description = "page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to 100 (default 20)") @QueryParam("size") String size) {
        return ProductPageResponse.of(catalog.listProducts(PageRequest.parse(page, size)));
    }

    /** A page of products as the API returns it. */
    public record ProductPageResponse(java.util.List<ProductSummary> items, int page, int size, long totalItems,
            long totalPages) {

        static ProductPageResponse of(Page<ProductSummary> page) {
            return new ProductPageResponse(page.items(), page.page(), page.size(), page.totalItems(),
                    page.totalPages());
        }
    }
}
