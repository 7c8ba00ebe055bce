package dev.orderflow.platform.json;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.orderflow.platform.MainCode;
import jakarta.json.Json;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

/**
 * Guards against the two provider look-ups that profiling found on every hot path: the static {@code Json} factory
 * methods (a {@code ServiceLoader} scan under a jar monitor per call) and a {@code Jsonb} built per use. Main code of
 * the web, EJB and messaging modules takes its JSON objects from {@link JsonFactory}.
 */
class JsonFactoryRulesTest {

    private static final JavaClasses mainCode = MainCode.CLASSES;

    @Test
    void seesTheMainCodeOfEveryModule() {
        for (String name : new String[] { "dev.orderflow.order.infrastructure.Outbox",
                "dev.orderflow.messaging.EventEnvelope", "dev.orderflow.platform.rest.JsonBinding" }) {
            assertTrue(mainCode.contain(name), () -> name + " not imported: the rules below would check nothing");
        }
    }

    @Test
    void mainCodeNeverCallsTheStaticJsonFactoryMethods() {
        noClasses().should()
                .callMethodWhere(describe("a static factory of jakarta.json.Json",
                        call -> call.getTarget().getOwner().isEquivalentTo(Json.class)))
                .because("each static Json.create* call looks the provider up again (JsonFactory holds one)")
                .check(mainCode);
    }

    @Test
    void onlyJsonFactoryLooksUpProvidersOrBuildsJsonb() {
        noClasses()
                .that(describe("are not JsonFactory or nested in it",
                        type -> !type.getName().startsWith(JsonFactory.class.getName())))
                .should()
                .callMethodWhere(describe("JsonProvider.provider()",
                        call -> call.getTarget().getOwner().isEquivalentTo(JsonProvider.class)
                                && call.getName().equals("provider")))
                .orShould()
                .callMethodWhere(describe("a JsonbBuilder method",
                        call -> call.getTarget().getOwner().isEquivalentTo(JsonbBuilder.class)))
                .because("building a Jsonb or looking a provider up per use costs a ServiceLoader scan each time")
                .check(mainCode);
    }

    @Test
    void mainCodeNeverDrawsFromTheSharedSecureRandomOfUuid() {
        noClasses().should()
                .callMethodWhere(describe("UUID.randomUUID()",
                        call -> call.getTarget().getOwner().isEquivalentTo(java.util.UUID.class)
                                && call.getName().equals("randomUUID")))
                .because("UUID.randomUUID() draws from one synchronized SecureRandom for the whole JVM, which the"
                        + " request threads queued on under load; Uuids.next() has one generator per thread")
                .check(mainCode);
    }
}
