package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.application.CatalogService;
import dev.orderflow.catalog.application.CategoryNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CatalogService catalog;

    @GET
    public List<CategoryNode> tree() {
        return catalog.categories();
    }
}
