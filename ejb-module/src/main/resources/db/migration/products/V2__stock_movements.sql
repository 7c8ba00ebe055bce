-- Every change of on-hand stock by an order, per warehouse: what a cancellation gives back exactly.
CREATE TABLE stock_movements (
    id           uuid PRIMARY KEY,
    order_id     uuid        NOT NULL,
    product_id   uuid        NOT NULL,
    warehouse_id uuid        NOT NULL,
    delta        integer     NOT NULL CHECK (delta <> 0),
    reason       varchar(20) NOT NULL CHECK (reason IN ('order', 'cancellation')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (product_id, warehouse_id) REFERENCES inventory (product_id, warehouse_id)
);
CREATE INDEX idx_stock_movements_order ON stock_movements (order_id);
-- an order takes a product's stock from a warehouse once, and gives it back at most once
CREATE UNIQUE INDEX ux_stock_movements_once ON stock_movements (order_id, product_id, warehouse_id, reason);
