package dev.orderflow.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import dev.orderflow.testsupport.TestServices.Service;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Readiness through nginx reports each dependency separately, turns 503 naming the one that is down, and recovers when
 * it is back. Stops and starts the real services.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    private static final Map<String, String> ALL_UP = Map.of("users-db", "UP", "products-db", "UP", "orders-db", "UP",
            "redis", "UP", "kafka", "UP", "mongodb", "UP", "order-intake", "UP");

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @Test
    void isReadyWithEveryDependencyUp() {
        var response = Http.get(services.publicUrl() + "/api/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(ALL_UP, statuses(Http.json(response)));
    }

    @Test
    void startsAndLivesThroughNginx() {
        assertEquals(200, Http.get(services.publicUrl() + "/api/health/started").statusCode());
        assertEquals(200, Http.get(services.publicUrl() + "/api/health/live").statusCode());
    }

    @ParameterizedTest
    @CsvSource({ "KAFKA,kafka", "REDIS,redis" })
    void turnsUnreadyNamingTheDependencyThatIsDownAndRecovers(Service service, String checkName) {
        try {
            services.stop(service);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                var response = Http.get(services.publicUrl() + "/api/health/ready");
                assertEquals(503, response.statusCode(), response.body());
                var expected = new TreeMap<>(ALL_UP);
                expected.put(checkName, "DOWN");
                assertEquals(expected, statuses(Http.json(response)));
            });
        } finally {
            services.start(service);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var response = Http.get(services.publicUrl() + "/api/health/ready");
            assertEquals(200, response.statusCode(), response.body());
        });
    }

    private static Map<String, String> statuses(JsonObject health) {
        var statuses = new TreeMap<String, String>();
        health.getJsonArray("checks").getValuesAs(JsonObject.class)
                .forEach(check -> statuses.put(check.getString("name"), check.getString("status")));
        return statuses;
    }
}
