package dev.orderflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.catalog.application.CatalogService;
import dev.orderflow.platform.paging.PageRequest;
import dev.orderflow.testsupport.Deployments;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The application's MicroProfile metrics are MBeans of the server's JMX, and they move with use. */
@ExtendWith(ArquillianExtension.class)
class MetricsJmxIT {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEarWithTests(MetricsJmxIT.class);
    }

    @Inject
    CatalogService catalog;

    @Test
    void exposesTheListingCounterAndTimerAsMBeansThatCountCalls() throws Exception {
        catalog.listProducts(new PageRequest(1, 1)); // registers the meters on first use
        ObjectName counter = mbean("catalogListings", "meters");
        ObjectName timer = mbean("catalogListingDuration", "timers");
        long countedBefore = count(counter);
        long timedBefore = count(timer);

        for (int i = 0; i < 4; i++) {
            catalog.listProducts(new PageRequest(1, 5));
        }

        assertEquals(countedBefore + 4, count(counter));
        assertEquals(timedBefore + 4, count(timer));
    }

    private long count(ObjectName name) throws Exception {
        return ((Number) jmx.getAttribute(name, "Count")).longValue();
    }

    /** Micrometer's JMX registry names the MBean after the meter and its MicroProfile app and scope tags. */
    private ObjectName mbean(String meter, String type) throws Exception {
        var name = new ObjectName("metrics:name=" + meter + ".mp_app.orderflow.mp_scope.application,type=" + type);
        var allMetrics = new ObjectName("metrics:*");
        assertTrue(jmx.isRegistered(name),
                () -> name + " not registered; metrics MBeans: " + jmx.queryNames(allMetrics, null));
        return name;
    }
}
