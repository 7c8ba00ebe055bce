-- orders_db: orders and their lines (seed 001; indexes from seed 000).
CREATE TABLE orders (
    id                  uuid PRIMARY KEY,
    user_id             uuid           NOT NULL,
    total_amount        numeric(10, 2) NOT NULL CHECK (total_amount >= 0),
    status              varchar(20)    NOT NULL
        CHECK (status IN ('pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled')),
    shipping_address_id uuid,
    payment_id          uuid,
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0
);
CREATE INDEX idx_orders_user_date ON orders (user_id, created_at DESC);
CREATE INDEX idx_orders_status_date ON orders (status, created_at DESC);
CREATE INDEX idx_orders_active ON orders (user_id, created_at DESC)
    WHERE status IN ('pending', 'confirmed', 'processing');

-- Deferrable so an order and its lines can be written in any order within one transaction.
CREATE TABLE order_items (
    id                uuid PRIMARY KEY,
    order_id          uuid           NOT NULL REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
    product_id        uuid           NOT NULL,
    quantity          integer        NOT NULL CHECK (quantity > 0),
    price_at_purchase numeric(10, 2) NOT NULL CHECK (price_at_purchase >= 0)
);
CREATE INDEX idx_order_items_order ON order_items (order_id);
