-- users_db: customers and their addresses (seed 001, with NOT NULL, roles and a case-insensitive unique email).
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         varchar(255) NOT NULL,
    password_hash varchar(255) NOT NULL,
    name          varchar(255) NOT NULL,
    role          varchar(20)  NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'admin')),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_users_email ON users (lower(email));

CREATE TABLE addresses (
    id         uuid PRIMARY KEY,
    user_id    uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    street     varchar(255) NOT NULL,
    city       varchar(100) NOT NULL,
    state      varchar(100),
    zip_code   varchar(20)  NOT NULL,
    country    varchar(100) NOT NULL,
    is_default boolean      NOT NULL DEFAULT false
);
CREATE INDEX idx_addresses_user ON addresses (user_id);
-- at most one default address per customer
CREATE UNIQUE INDEX ux_addresses_default ON addresses (user_id) WHERE is_default;
