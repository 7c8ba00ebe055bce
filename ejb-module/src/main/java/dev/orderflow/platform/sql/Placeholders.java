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
}
