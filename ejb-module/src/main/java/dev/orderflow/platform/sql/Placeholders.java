package dev.orderflow.platform.sql;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Numbered parameters for native statements that write or read several rows at once (one round trip instead of one per
 * row): {@code rows(2, 3)} is {@code (?1, ?2, ?3), (?4, ?5, ?6)}, {@code list(3, 2)} is {@code ?2, ?3, ?4}.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** {@code rows} parenthesised groups of {@code columns} parameters, numbered from 1. */
    public static String rows(int rows, int columns) {
        var sql = new StringBuilder(rows * columns * 5);
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 1; column <= columns; column++) {
                sql.append(column == 1 ? "?" : ", ?").append(row * columns + column);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** {@code count} parameters separated by commas, numbered from {@code first}. */
    public static String list(int count, int first) {
        var sql = new StringBuilder(count * 5);
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?").append(first + i);
        }
        return sql.toString();
    }

    /**
     * A PostgreSQL array literal of the ids, for {@code = ANY(cast(?1 AS uuid[]))}: one parameter whatever the count,
     * so the statement's text stays the same and Hibernate reuses its interpretation (a JPQL {@code in :ids} is
     * translated again for every list, which cost a batch's address look-up most of its time).
     */
    public static String uuidArray(Collection<UUID> ids) {
        var literal = new StringBuilder(ids.size() * 37 + 2).append('{');
        for (UUID id : ids) {
            literal.append(literal.length() == 1 ? "" : ",").append(id);
        }
        return literal.append('}').toString();
    }

    /** Binds the values to the parameters numbered from {@code first}, in order. */
    public static Query bind(Query query, int first, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(first + i, values.get(i));
        }
        return query;
    }
}
