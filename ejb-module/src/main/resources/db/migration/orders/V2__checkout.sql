-- Checkout: the shipping address snapshotted onto the order, its status history, idempotency keys and the
-- transactional outbox (rows relayed to Kafka after commit).
ALTER TABLE orders
    ADD COLUMN ship_name    varchar(255),
    ADD COLUMN ship_street  varchar(255),
    ADD COLUMN ship_city    varchar(100),
    ADD COLUMN ship_state   varchar(100),
    ADD COLUMN ship_zip     varchar(20),
    ADD COLUMN ship_country varchar(100);

ALTER TABLE order_items
    ADD COLUMN sku          varchar(100),
    ADD COLUMN product_name varchar(255);
CREATE UNIQUE INDEX ux_order_items_product ON order_items (order_id, product_id);

CREATE TABLE order_status_history (
    id          uuid PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status varchar(20),
    to_status   varchar(20) NOT NULL,
    changed_by  varchar(255) NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_order_status_history_order ON order_status_history (order_id, changed_at);

-- One row per (customer, Idempotency-Key): the unique key makes concurrent requests with the same key,
-- on any node, wait for the first and then see its order.
CREATE TABLE idempotency_keys (
    customer_id  uuid        NOT NULL,
    key          varchar(100) NOT NULL,
    request_hash char(64)    NOT NULL,
    order_id     uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, key)
);

CREATE TABLE outbox_events (
    id             uuid PRIMARY KEY,
    aggregate_type varchar(50)  NOT NULL,
    aggregate_id   uuid         NOT NULL,
    event_type     varchar(100) NOT NULL,
    event_version  integer      NOT NULL,
    payload        jsonb        NOT NULL,
    correlation_id varchar(100),
    occurred_at    timestamptz  NOT NULL DEFAULT now(),
    sent_at        timestamptz
);
CREATE INDEX idx_outbox_unsent ON outbox_events (occurred_at) WHERE sent_at IS NULL;
CREATE INDEX idx_outbox_aggregate ON outbox_events (aggregate_id);
