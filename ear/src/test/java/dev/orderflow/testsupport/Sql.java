package dev.orderflow.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads the single number a query returns (a count, a sum); for tests inside and outside the server. */
public final class Sql {

    private Sql() {
    }

    /** Runs {@code sql} with its parameters bound in order, on a connection it then closes. */
    public static long queryLong(Connection connection, String sql, Object... parameters) throws SQLException {
        try (connection; var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
