-- Events: how an order is paid, the payments the payment service made, and the event ids each consumer group
-- has applied (recorded in the same transaction as the effect, so a redelivered event changes nothing).
ALTER TABLE orders ADD COLUMN payment_method varchar(50);

-- Payments are financial records: kept when their order is archived to MongoDB (no foreign key).
CREATE TABLE payments (
    id             uuid PRIMARY KEY,
    order_id       uuid           NOT NULL UNIQUE,
    amount         numeric(10, 2) NOT NULL CHECK (amount >= 0),
    method         varchar(50)    NOT NULL,
    status         varchar(20)    NOT NULL CHECK (status IN ('succeeded', 'failed', 'refunded')),
    failure_reason varchar(255),
    created_at     timestamptz    NOT NULL DEFAULT now(),
    updated_at     timestamptz    NOT NULL DEFAULT now()
);

CREATE TABLE processed_events (
    consumer_group varchar(50) NOT NULL,
    event_id       uuid        NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);

-- The archiver looks for old finished orders.
CREATE INDEX idx_orders_finished ON orders (updated_at) WHERE status IN ('delivered', 'cancelled');

-- The relay sends in insertion order: changes of one order are serialized by its row lock, so their outbox rows
-- get increasing sequence numbers.
ALTER TABLE outbox_events ADD COLUMN seq bigserial;
DROP INDEX idx_outbox_unsent;
CREATE INDEX idx_outbox_unsent ON outbox_events (seq) WHERE sent_at IS NULL;
