package dev.orderflow.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderNotificationsTest {

    @Test
    void customersHearOfConfirmationShippingDeliveryAndCancellation() {
        assertEquals(List.of("email.order_confirmation"), OrderNotifications.forEvent("order.confirmed"));
        assertEquals(List.of("email.shipping_update", "sms.order_status"),
                OrderNotifications.forEvent("order.shipped"));
        assertEquals(List.of("sms.order_status"), OrderNotifications.forEvent("order.delivered"));
        assertEquals(List.of("sms.order_status"), OrderNotifications.forEvent("order.cancelled"));
        assertEquals(List.of(), OrderNotifications.forEvent("order.created"));
        assertEquals(List.of(), OrderNotifications.forEvent("order.processing"));
    }
}
