package dev.orderflow.order.domain;

import dev.orderflow.platform.problem.Conflict;
import java.math.BigDecimal;

/** The order's total exceeds what one order may amount to. */
public class OrderTooLarge extends Conflict {

    private static final long serialVersionUID = 1L;

    public OrderTooLarge(BigDecimal total) {
        super("An order may total at most " + Order.MAX_TOTAL + "; this one totals " + total + ".");
    }

    @Override
    public String rule() {
        return "order-too-large";
    }
}
