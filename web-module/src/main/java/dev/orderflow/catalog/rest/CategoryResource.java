package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.application.ProductPages;
import dev.orderflow.catalog.application.CategoryNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@ApplicationScoped
@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    ProductPages pages;

    @GET
    public List<CategoryNode> tree() {
        return pages.categories();
    }
}
