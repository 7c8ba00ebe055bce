package dev.orderflow.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sets the simulated payment gateway's mode for every node through the admin API. */
public final class PaymentGatewayControl {

    private PaymentGatewayControl() {
    }

    public static void set(TestServices services, String mode, int latencyMs) {
        var response = Http.send("PUT", services.publicUrl() + "/api/admin/payment-gateway",
                "{\"mode\":\"" + mode + "\",\"latencyMs\":" + latencyMs + "}", Customers.adminToken(services));
        assertEquals(200, response.statusCode(), response.body());
    }

    public static void reset(TestServices services) {
        var response = Http.send("DELETE", services.publicUrl() + "/api/admin/payment-gateway", null,
                Customers.adminToken(services));
        assertEquals(200, response.statusCode(), response.body());
    }
}
