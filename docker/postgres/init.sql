-- The three databases, owned by the application user (POSTGRES_USER).
CREATE DATABASE users_db;
CREATE DATABASE products_db;
CREATE DATABASE orders_db;
-- statement statistics (the server preloads pg_stat_statements; compose.yaml)
\connect users_db
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
\connect products_db
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
\connect orders_db
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
