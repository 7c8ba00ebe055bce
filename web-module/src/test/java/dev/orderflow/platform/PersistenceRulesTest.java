package dev.orderflow.platform;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The persistence units run with {@code validation-mode NONE} (persistence.xml): Hibernate does not walk every entity
 * with Bean Validation at each insert and update. That is only right while no entity declares a constraint, which would
 * then be ignored without a word; requests are validated at the REST layer instead.
 */
class PersistenceRulesTest {

    private static final JavaClasses mainCode = MainCode.CLASSES;

    @Test
    void seesTheEntities() {
        assertTrue(mainCode.contain("dev.orderflow.order.domain.Order"), "entities not imported: nothing checked");
    }

    @Test
    void entitiesDeclareNoBeanValidationConstraints() {
        noClasses().that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(Embeddable.class).should()
                .dependOnClassesThat(describe("are in jakarta.validation",
                        type -> type.getPackageName().startsWith("jakarta.validation")))
                .because("the persistence units do not validate (validation-mode NONE): a constraint on an entity"
                        + " would be silently ignored")
                .check(mainCode);
    }
}
