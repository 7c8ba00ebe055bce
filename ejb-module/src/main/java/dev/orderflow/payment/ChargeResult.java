package dev.orderflow.payment;

import java.util.UUID;

/** What the gateway said: approved (with its payment id), declined (with the reason), or unavailable. */
public record ChargeResult(Outcome outcome, UUID paymentId, String reason) {

    public enum Outcome {
        APPROVED, DECLINED, UNAVAILABLE
    }

    static ChargeResult approved(UUID paymentId) {
        return new ChargeResult(Outcome.APPROVED, paymentId, null);
    }

    static ChargeResult declined(UUID paymentId, String reason) {
        return new ChargeResult(Outcome.DECLINED, paymentId, reason);
    }

    static ChargeResult unavailable(String reason) {
        return new ChargeResult(Outcome.UNAVAILABLE, null, reason);
    }
}
