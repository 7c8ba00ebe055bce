package dev.orderflow.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading the text headers the publisher puts on every record ({@link EventPublisher#HEADER_EVENT_TYPE}, ...). */
final class EventHeaders {

    private EventHeaders() {
    }

    /** The last value of the header as UTF-8 text, or null when the record does not carry it. */
    static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
