-- products_db: category tree, products and per-warehouse inventory (seed 001; indexes from seed 000).
CREATE TABLE categories (
    id        uuid PRIMARY KEY,
    name      varchar(255) NOT NULL,
    parent_id uuid REFERENCES categories (id)
);
CREATE INDEX idx_categories_parent ON categories (parent_id);

CREATE TABLE products (
    id          uuid PRIMARY KEY,
    name        varchar(255)   NOT NULL,
    description text,
    price       numeric(10, 2) NOT NULL CHECK (price >= 0),
    sku         varchar(100)   NOT NULL UNIQUE,
    category_id uuid REFERENCES categories (id),
    image_url   varchar(500),
    active      boolean        NOT NULL DEFAULT true,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now(),
    version     bigint         NOT NULL DEFAULT 0
);
CREATE INDEX idx_products_category_price ON products (category_id, price);
CREATE INDEX idx_products_active_name ON products (name, id) WHERE active;

CREATE TABLE warehouses (
    id   uuid PRIMARY KEY,
    code varchar(50)  NOT NULL UNIQUE,
    name varchar(255) NOT NULL
);

-- The seed keyed inventory by product_id alone, which allows one warehouse per product. The key is
-- (product_id, warehouse_id): one row per product and warehouse. Stock can never go negative and
-- never less than what is reserved.
CREATE TABLE inventory (
    product_id        uuid        NOT NULL REFERENCES products (id),
    warehouse_id      uuid        NOT NULL REFERENCES warehouses (id),
    quantity          integer     NOT NULL CHECK (quantity >= 0),
    reserved_quantity integer     NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_id, warehouse_id),
    CHECK (reserved_quantity <= quantity)
);
-- The primary key serves the seed's idx_inventory_product_warehouse (product_id, warehouse_id).
CREATE INDEX idx_inventory_warehouse ON inventory (warehouse_id);
