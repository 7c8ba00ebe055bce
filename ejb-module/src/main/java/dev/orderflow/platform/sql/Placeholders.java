package dev.orderflow.platform.sql;

import java.util.Collection;
import java.util.UUID;

/**
 * Parameters for native statements that read several rows at once with one parameter (rows are written with
 * {@link MultiRowInsert}).
 */
public final class Placeholders {

    private Placeholders() {
    }

    /**
     * A PostgreSQL array literal of the ids, for {@code id IN (SELECT unnest(cast(?1 AS uuid[])))}: one parameter
     * whatever the count, so the statement's text stays the same and Hibernate reuses its interpretation (a JPQL
     * {@code in :ids} is translated again for every list, which cost a batch's address look-up most of its time).
     * <p>
     * Not {@code id = ANY(cast(?1 AS uuid[]))}: the parameter is text, and where the plan is a sequential scan (a small
     * table, or the generic plan PostgreSQL keeps for a prepared statement) the cast sits in the scan's filter and
     * reads the whole literal again for every row. On the 735 rows of the bench's addresses that was 1.28 ms a call,
     * half of PostgreSQL's time in checkout (pg_stat_statements, docs/performance.md). {@code unnest} in a sub-select
     * reads it once whatever the plan (a hash semi-join, or an index probe per id on a large table).
     */
    public static String uuidArray(Collection<UUID> ids) {
        var literal = new StringBuilder(ids.size() * 37 + 2).append('{');
        for (UUID id : ids) {
            literal.append(literal.length() == 1 ? "" : ",").append(id);
        }
        return literal.append('}').toString();
    }
}
