package dev.orderflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's MicroProfile metrics are MBeans, read here as an operator would: over JMX on the server's
 * management port (remote+http), while the API is called through nginx.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsJmxIT {

    private final TestServices services = TestServices.get();
    private JMXConnector connector;
    private MBeanServerConnection jmx;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeEach
    void connect() throws Exception {
        connector = JMXConnectorFactory.connect(new JMXServiceURL(services.jmxUrl()));
        jmx = connector.getMBeanServerConnection();
    }

    @AfterEach
    void disconnect() throws Exception {
        connector.close();
    }

    @Test
    void exposesTheListingCounterAndTimerAsMBeansThatCountCalls() throws Exception {
        assertEquals(200, Http.get(services.publicUrl() + "/api/products").statusCode()); // registers the meters
        ObjectName counter = mbean("catalogListings", "meters");
        ObjectName timer = mbean("catalogListingDuration", "timers");
        long countedBefore = count(counter);
        long timedBefore = count(timer);

        for (int i = 0; i < 4; i++) {
            assertEquals(200, Http.get(services.publicUrl() + "/api/products?size=5").statusCode());
        }

        assertEquals(countedBefore + 4, count(counter));
        assertEquals(timedBefore + 4, count(timer));
    }

    /** The tagged meters of the operations issue are MBeans too: one per tag combination. */
    @Test
    void exposesPerEndpointAndDependencyTimersAsMBeans() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(services.publicUrl() + "/api/products?size=3").statusCode());
        }
        var allMetrics = new ObjectName("metrics:*");
        // three requests are three timed requests; their rate-limit counts reach Redis in one batched call per 100 ms
        for (String meter : new String[] { "httpServerRequests", "dependencyCalls" }) {
            long least = meter.equals("httpServerRequests") ? 3 : 1;
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                var names = jmx.queryNames(new ObjectName("metrics:name=" + meter + "*,type=timers"), null);
                assertTrue(!names.isEmpty(),
                        () -> meter + " not registered; metrics MBeans: " + queryQuietly(allMetrics));
                long total = 0;
                for (ObjectName name : names) {
                    total += count(name);
                }
                assertTrue(total >= least, meter + " counted " + total + " over " + names);
            });
        }
    }

    private long count(ObjectName name) throws Exception {
        return ((Number) jmx.getAttribute(name, "Count")).longValue();
    }

    /** Micrometer's JMX registry names the MBean after the meter and its MicroProfile app and scope tags. */
    private ObjectName mbean(String meter, String type) throws Exception {
        var name = new ObjectName("metrics:name=" + meter + ".mp_app.orderflow.mp_scope.application,type=" + type);
        var allMetrics = new ObjectName("metrics:*");
        assertTrue(jmx.isRegistered(name), () -> name + " not registered; metrics MBeans: " + queryQuietly(allMetrics));
        return name;
    }

    private Object queryQuietly(ObjectName pattern) {
        try {
            return jmx.queryNames(pattern, null);
        } catch (java.io.IOException e) {
            return e;
        }
    }
}
