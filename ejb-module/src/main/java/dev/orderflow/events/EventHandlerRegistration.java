package dev.orderflow.events;

import dev.orderflow.messaging.ConsumerGroup;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.EventHandlers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Hands each consumer group's handler (an EJB here) to the Kafka consumers in the messaging library. */
@Singleton
@Startup
public class EventHandlerRegistration {

    @Inject
    EventHandlers handlers;

    @EJB(beanName = "PaymentEventHandler")
    EventHandler payment;

    @EJB(beanName = "InventoryEventHandler")
    EventHandler inventory;

    @EJB(beanName = "NotificationEventHandler")
    EventHandler notification;

    @EJB(beanName = "AnalyticsEventHandler")
    EventHandler analytics;

    /** Stopped before the handler EJBs it references: records in flight are left for redelivery from now on. */
    @PreDestroy
    void withdraw() {
        handlers.withdraw();
    }

    @PostConstruct
    void register() {
        handlers.register(ConsumerGroup.PAYMENT, payment);
        handlers.register(ConsumerGroup.INVENTORY, inventory);
        handlers.register(ConsumerGroup.NOTIFICATION, notification);
        handlers.register(ConsumerGroup.ANALYTICS, analytics);
    }
}
