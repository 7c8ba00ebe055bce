package dev.orderflow.platform.operations;

import dev.orderflow.events.OutboxPurge;
import dev.orderflow.events.OutboxRelay;
import dev.orderflow.messaging.ConsumerLag;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.ObjectName;

/** Registers {@link OperationsMXBean} as {@code dev.orderflow:type=Operations} in the platform MBean server. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OperationsMBean implements OperationsMXBean {

    public static final String NAME = "dev.orderflow:type=Operations";

    @Inject
    OrderIntake intake;

    @EJB
    OutboxRelay relay;

    @Inject
    ConsumerLag lag;

    @EJB
    OutboxPurge purge;

    @PostConstruct
    void register() {
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            var name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + NAME, e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
        } catch (JMException e) {
            // already gone
        }
    }

    @Override
    public boolean isIntakePaused() {
        return intake.paused();
    }

    @Override
    public int getCheckoutsInFlight() {
        return intake.inFlight();
    }

    @Override
    public long getOutboxBacklog() {
        return relay.backlog().rows();
    }

    @Override
    public double getOutboxOldestAgeSeconds() {
        return relay.backlog().oldestAgeSeconds();
    }

    @Override
    public long getOutboxParked() {
        return relay.backlog().parked();
    }

    @Override
    public Map<String, Long> getConsumerLag() {
        var lags = new TreeMap<String, Long>();
        lag.all().forEach((group, value) -> lags.put(group.groupId(), value));
        return lags;
    }

    @Override
    public void pauseIntake() {
        intake.pause();
    }

    @Override
    public void resumeIntake() {
        intake.resume();
    }

    @Override
    public long purgeRelayedEvents(int olderThanMinutes) {
        if (olderThanMinutes < 0) {
            throw new IllegalArgumentException("olderThanMinutes must not be negative");
        }
        return purge.purge(java.time.Duration.ofMinutes(olderThanMinutes));
    }
}
