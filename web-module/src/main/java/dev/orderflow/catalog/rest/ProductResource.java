package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.application.ProductPages;
import dev.orderflow.catalog.application.ProductDetail;
import dev.orderflow.catalog.application.ProductSummary;
import dev.orderflow.platform.paging.PageRequest;
import dev.orderflow.platform.rest.PageResponse;
import dev.orderflow.messaging.AnalyticsEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@ApplicationScoped
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductPages pages;

    @Inject
    AnalyticsEvents analytics;

    @GET
    @Operation(summary = "Search active products: text, category (with sub-categories), price range; sorted and paged")
    public PageResponse<ProductSummary> search(
            @Parameter(description = "text in name or description") @QueryParam("q") String text,
            @Parameter(description = "category id; its sub-categories are included") @QueryParam("category") String category,
            @Parameter(description = "lowest price") @QueryParam("minPrice") String minPrice,
            @Parameter(description = "highest price") @QueryParam("maxPrice") String maxPrice,
            @Parameter(description = "name (default), price, -price or newest") @QueryParam("sort") String sort,
            @Parameter(description = "page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to 100 (default 20)") @QueryParam("size") String size) {
        var query = SearchParameters.parse(text, category, minPrice, maxPrice, sort);
        return PageResponse.of(pages.search(query, PageRequest.parse(page, size)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One active product with its live available stock")
    public ProductDetail detail(@PathParam("id") UUID id) {
        ProductDetail detail = pages.page(id);
        analytics.productViewed(id);
        return detail;
    }
}
