package dev.orderflow.platform.sql;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * A statement over many rows whose values travel as one array per column, unnested by PostgreSQL
 * ({@code unnest(cast(? AS uuid[]), cast(? AS text[]), ...)}), in plain JDBC on the persistence context's own
 * connection (so inside its transaction). For the group-commit paths, which write a few hundred rows of known shape at
 * a time:
 * <ul>
 * <li>Hibernate's persist and flush of each entity (events, insert actions, value bindings) cost a checkout worker a
 * quarter of its samples, while the rows need none of it;</li>
 * <li>one parameter per column instead of one per value: a {@code VALUES} list of 300 rows took thousands of
 * {@code setObject} calls, each through the connection pool's and the XA driver's proxies;</li>
 * <li>one statement text whatever the number of rows, so the driver prepares it once per connection and PostgreSQL
 * plans it once, where every batch size was a new statement to parse and plan.</li>
 * </ul>
 * Each column is sent as an array of its own type ({@code createArrayOf(type, ...)}, elements written as text with
 * {@link #text}), so PostgreSQL reads each element with that type's input function once; sent as {@code text[]} and
 * cast, each element was read as text and then converted again (docs/performance.md has the measurements). The
 * statement's casts stay, and cost nothing when the types already match.
 */
public final class ColumnArrays {

    private final String[] names;
    private final String[] types;

    private ColumnArrays(String[] names, String[] types) {
        this.names = names;
        this.types = types;
    }

    /** Columns as "name type, name type, ..." (for example "id uuid, payload jsonb, occurred_at timestamptz"). */
    public static ColumnArrays of(String typedColumns) {
        String[] columns = typedColumns.trim().split("\\s*,\\s*");
        var names = new String[columns.length];
        var types = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String[] parts = columns[i].split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a column needs a name and a type: " + columns[i]);
            }
            names[i] = parts[0];
            types[i] = parts[1];
        }
        return new ColumnArrays(names, types);
    }

    public int size() {
        return names.length;
    }

    /** "name, name, ..." */
    public String names() {
        return String.join(", ", names);
    }

    /** "unnest(cast(? AS type[]), ...) AS alias (name, ...)" */
    public String unnest(String alias) {
        var sql = new StringBuilder("unnest(");
        for (int i = 0; i < types.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("cast(? AS ").append(types[i]).append("[])");
        }
        return sql.append(") AS ").append(alias).append(" (").append(names()).append(')').toString();
    }

    /**
     * Executes {@code sql}, whose parameters are this column list's arrays in order, with {@code values} given row
     * after row ({@code size()} values a row). Nothing is executed for no values.
     *
     * @return the rows the statement changed
     */
    public int execute(EntityManager entityManager, String sql, List<?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        String[][] columns = columns(values);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (var statement = prepare(connection, sql, columns)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * As {@link #execute}, for a statement that returns rows ({@code RETURNING column}): the first column of each, read
     * as {@code type}.
     */
    public <T> List<T> query(EntityManager entityManager, String sql, List<?> values, Class<T> type) {
        if (values.isEmpty()) {
            return List.of();
        }
        String[][] columns = columns(values);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (var statement = prepare(connection, sql, columns)) {
                var returned = new ArrayList<T>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        returned.add(rows.getObject(1, type));
                    }
                }
                return returned;
            }
        });
    }

    /** The statement with each column's array bound as an array of the column's type. */
    private PreparedStatement prepare(Connection connection, String sql, String[][] columns) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int column = 0; column < columns.length; column++) {
                statement.setArray(column + 1, connection.createArrayOf(types[column], columns[column]));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The values, given row after row, as one text array per column. */
    String[][] columns(List<?> values) {
        int width = names.length;
        if (values.size() % width != 0) {
            throw new IllegalArgumentException(values.size() + " values do not make rows of " + width);
        }
        int rows = values.size() / width;
        var columns = new String[width][rows];
        for (int i = 0; i < values.size(); i++) {
            columns[i % width][i / width] = text(values.get(i));
        }
        return columns;
    }

    /** A value as PostgreSQL reads it back with the column's cast (null stays null). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof java.time.OffsetDateTime at) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at); // seconds even when zero
        }
        return value.toString(); // UUID, String, numbers, booleans, Instant (ISO 8601)
    }
}
