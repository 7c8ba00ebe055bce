package dev.orderflow.platform.sql;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

/**
 * One {@code INSERT ... VALUES (...), (...)} for many new rows, in plain JDBC on the persistence context's own
 * connection (so inside its transaction). For the group-commit paths, which write a few hundred rows of known shape at
 * a time: Hibernate's persist and flush of each entity (events, insert actions, value bindings) cost a checkout worker
 * a quarter of its samples, while the rows need none of it.
 */
public final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /**
     * Inserts {@code values.size() / columns} rows into {@code into} ("table (column, ...)"), each written as
     * {@code row} (its {@code ?} placeholders, possibly inside casts), with the values in row order.
     */
    public static void insert(EntityManager entityManager, String into, String row, int columns, List<?> values) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() % columns != 0) {
            throw new IllegalArgumentException(values.size() + " values do not make rows of " + columns);
        }
        String sql = sql(into, row, values.size() / columns);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                statement.executeUpdate();
            }
        });
    }

    static String sql(String into, String row, int rows) {
        var sql = new StringBuilder(32 + into.length() + rows * (row.length() + 4)).append("INSERT INTO ").append(into)
                .append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(" : ", (").append(row).append(')');
        }
        return sql.toString();
    }
}
