package dev.orderflow.order.application;

/**
 * How an order is paid: {@code card} and {@code wallet} are charged by the payment service as soon as the order is
 * placed (a success confirms the order, a failure cancels it); {@code invoice}, the default, leaves the order pending
 * until an admin confirms it.
 */
public final class PaymentMethods {

    public static final String CARD = "card";
    public static final String WALLET = "wallet";
    public static final String INVOICE = "invoice";
    public static final String PATTERN = "card|wallet|invoice";

    private PaymentMethods() {
    }

    public static String orDefault(String method) {
        return method == null ? INVOICE : method;
    }

    public static boolean chargedByGateway(String method) {
        return CARD.equals(method) || WALLET.equals(method);
    }
}
