-- The three databases, owned by the application user (POSTGRES_USER).
CREATE DATABASE users_db;
CREATE DATABASE products_db;
CREATE DATABASE orders_db;
