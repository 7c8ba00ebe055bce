package dev.orderflow.platform.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while an operator has paused order intake on this node ({@code order-intake} DOWN), so a load balancer
 * watching readiness (the stack's nginx) sends new requests to the other nodes while this one drains.
 */
@Readiness
@ApplicationScoped
public class IntakeReadinessCheck implements HealthCheck {

    @Inject
    OrderIntake intake;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("order-intake").status(!intake.paused())
                .withData("checkoutsInFlight", intake.inFlight()).build();
    }
}
