package dev.orderflow.platform.rest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.orderflow.platform.MainCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS resource class is one application-scoped bean. Without a scope RESTEasy makes a resource request-scoped:
 * a new instance per request, its injection points resolved and the instance validated each time (7% of the request
 * threads' samples on the product page, docs/performance.md). Resources therefore hold only injected, thread-safe
 * collaborators; per-request state comes in as method parameters or from request-scoped beans such as
 * {@link CurrentCustomer}.
 */
class ResourceScopeRulesTest {

    private static final JavaClasses MAIN_CODE = MainCode.CLASSES;

    @Test
    void seesTheResources() {
        assertTrue(MAIN_CODE.contain("dev.orderflow.catalog.rest.ProductResource"),
                "the resources were not imported: the rule below would check nothing");
    }

    @Test
    void everyResourceClassIsApplicationScoped() {
        classes().that().areAnnotatedWith(Path.class).and().areNotInterfaces().should()
                .beAnnotatedWith(ApplicationScoped.class)
                .because("a request-scoped resource is created, injected and validated on every request")
                .check(MAIN_CODE);
    }
}
