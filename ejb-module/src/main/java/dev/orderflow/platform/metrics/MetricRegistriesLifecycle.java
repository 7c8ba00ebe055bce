package dev.orderflow.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.smallrye.metrics.SharedMetricRegistries;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;

/**
 * Closes the metric registries the EAR brings (SmallRye Metrics over Micrometer: Prometheus and JMX) when the
 * application stops, so a redeploy does not leave stale MBeans or meters behind.
 */
@Singleton
@Startup
public class MetricRegistriesLifecycle {

    @PreDestroy
    void closeRegistries() {
        SharedMetricRegistries.dropAll();
        List<MeterRegistry> registries = List.copyOf(Metrics.globalRegistry.getRegistries());
        for (MeterRegistry registry : registries) {
            Metrics.globalRegistry.remove(registry);
            registry.close();
        }
        Metrics.globalRegistry.clear();
    }
}
