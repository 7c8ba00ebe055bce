package dev.orderflow.order.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class OrderStatusConverter implements AttributeConverter<OrderStatus, String> {

    @Override
    public String convertToDatabaseColumn(OrderStatus status) {
        return status == null ? null : status.externalName();
    }

    @Override
    public OrderStatus convertToEntityAttribute(String name) {
        return name == null ? null : OrderStatus.fromExternalName(name);
    }
}
