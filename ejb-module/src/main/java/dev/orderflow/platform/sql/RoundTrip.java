package dev.orderflow.platform.sql;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Statements over column arrays ({@link ColumnArrays}) sent to PostgreSQL together: one statement text with the
 * statements separated by semicolons, which the driver sends as one pipeline (each statement parsed, bound and executed
 * in turn, one synchronisation at the end) and PostgreSQL runs in order in the same transaction. One round trip instead
 * of one per statement: the group commit writes an order's row, lines, first status and events to orders_db in one
 * (docs/performance.md, fifth session). If one statement fails, the execution fails and the transaction with it.
 */
public final class RoundTrip {

    private final List<String> statements = new ArrayList<>();
    private final List<ColumnArrays> columns = new ArrayList<>();
    private final List<String[][]> values = new ArrayList<>();

    /** Adds a statement whose parameters are {@code columns}' arrays, with {@code rows} given row after row. */
    void add(String sql, ColumnArrays columns, List<?> rows) {
        if (rows.isEmpty()) {
            return; // as ColumnArrays#execute: nothing to write
        }
        this.values.add(columns.columns(rows)); // checks the shape before anything is sent
        this.statements.add(sql);
        this.columns.add(columns);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * Executes the statements added so far on the persistence context's connection, in the order added.
     *
     * @return each statement's count of changed rows, in that order
     */
    public int[] execute(EntityManager entityManager) {
        if (statements.isEmpty()) {
            return new int[0];
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
                int next = 1;
                for (int i = 0; i < statements.size(); i++) {
                    next = columns.get(i).bind(connection, statement, next, values.get(i));
                }
                return counts(statement);
            }
        });
    }

    private int[] counts(PreparedStatement statement) throws SQLException {
        var counts = new int[statements.size()];
        boolean rows = statement.execute();
        for (int i = 0; i < counts.length; i++) {
            if (rows) {
                throw new SQLException("statement " + (i + 1) + " of a round trip returned rows: " + statements.get(i));
            }
            counts[i] = statement.getUpdateCount();
            rows = statement.getMoreResults();
        }
        return counts;
    }
}
