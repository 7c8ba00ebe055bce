package dev.orderflow.platform.sql;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * One {@code INSERT INTO table (...) SELECT * FROM unnest(...)} for many new rows, a column's values in one array
 * ({@link ColumnArrays}): the group-commit paths' way of writing rows of known shape without Hibernate's per-entity
 * work. Built once per table (the statement text is the same for any number of rows).
 */
public final class MultiRowInsert {

    private final ColumnArrays columns;
    private final String sql;

    private MultiRowInsert(ColumnArrays columns, String sql) {
        this.columns = columns;
        this.sql = sql;
    }

    /** Rows of {@code table} with these columns ("name type, name type, ..."). */
    public static MultiRowInsert into(String table, String typedColumns) {
        return into(table, typedColumns, "");
    }

    /** As {@link #into(String, String)}, the statement ending with {@code tail} (" ON CONFLICT ... DO NOTHING"). */
    public static MultiRowInsert into(String table, String typedColumns, String tail) {
        ColumnArrays columns = ColumnArrays.of(typedColumns);
        return new MultiRowInsert(columns,
                "INSERT INTO " + table + " (" + columns.names() + ") SELECT * FROM " + columns.unnest("v") + tail);
    }

    /** Inserts the rows, their values given row after row in the columns' order (nothing for no values). */
    public void insert(EntityManager entityManager, List<?> values) {
        columns.execute(entityManager, sql, values);
    }

    /**
     * As {@link #insert}, for a statement ending with {@code RETURNING column}: the returned values, as {@code type}.
     */
    public <T> List<T> insertReturning(EntityManager entityManager, List<?> values, Class<T> type) {
        return columns.query(entityManager, sql, values, type);
    }

    String sql() {
        return sql;
    }
}
