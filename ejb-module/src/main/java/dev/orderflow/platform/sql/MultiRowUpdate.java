package dev.orderflow.platform.sql;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * One {@code UPDATE table SET ... FROM unnest(...) AS v (...) WHERE ...} for many rows, each changed with its own
 * values, a column's values in one array ({@link ColumnArrays}). Built once per use.
 */
public final class MultiRowUpdate {

    private final ColumnArrays columns;
    private final String sql;

    private MultiRowUpdate(ColumnArrays columns, String sql) {
        this.columns = columns;
        this.sql = sql;
    }

    /**
     * @param set
     *            "table alias SET column = v.column, ..."
     * @param typedColumns
     *            the values' columns, named v.name in {@code set} and {@code where} ("name type, ...")
     * @param where
     *            how a row meets its values ("alias.id = v.id")
     */
    public static MultiRowUpdate of(String set, String typedColumns, String where) {
        ColumnArrays columns = ColumnArrays.of(typedColumns);
        return new MultiRowUpdate(columns, "UPDATE " + set + " FROM " + columns.unnest("v") + " WHERE " + where);
    }

    /** Updates the rows, their values given row after row in the columns' order (nothing for no values). */
    public int update(EntityManager entityManager, List<?> values) {
        return columns.execute(entityManager, sql, values);
    }

    String sql() {
        return sql;
    }
}
