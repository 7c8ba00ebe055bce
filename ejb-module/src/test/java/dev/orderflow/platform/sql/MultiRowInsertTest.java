package dev.orderflow.platform.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    @Test
    void oneArrayParameterPerColumnWhateverTheNumberOfRows() {
        assertEquals("INSERT INTO t (a, b) SELECT * FROM unnest(cast(? AS uuid[]), cast(? AS jsonb[])) AS v (a, b)",
                MultiRowInsert.into("t", "a uuid, b jsonb").sql());
        assertEquals("INSERT INTO t (a) SELECT * FROM unnest(cast(? AS uuid[])) AS v (a) ON CONFLICT (a) DO NOTHING",
                MultiRowInsert.into("t", " a  uuid ", " ON CONFLICT (a) DO NOTHING").sql());
    }

    @Test
    void anUpdateJoinsItsValues() {
        assertEquals("UPDATE t x SET b = v.b FROM unnest(cast(? AS uuid[]), cast(? AS text[])) AS v (a, b) "
                + "WHERE x.a = v.a", MultiRowUpdate.of("t x SET b = v.b", "a uuid, b text", "x.a = v.a").sql());
    }

    @Test
    void valuesGivenRowAfterRowBecomeOneTextArrayPerColumn() {
        var id = UUID.randomUUID();
        var at = OffsetDateTime.of(2026, 12, 7, 7, 5, 1, 123_456_000, ZoneOffset.UTC);
        String[][] columns = ColumnArrays.of("a uuid, b numeric, c timestamptz, d text")
                .columns(Arrays.asList(id, new BigDecimal("1E+2"), at, "x", id, new BigDecimal("2.50"), at, null));
        assertArrayEquals(new String[] { id.toString(), id.toString() }, columns[0]);
        assertArrayEquals(new String[] { "100", "2.50" }, columns[1]);
        assertEquals("2026-12-07T07:05:01.123456Z", columns[2][0]);
        assertEquals("x", columns[3][0]);
        assertEquals("2026-12-07T07:05:00Z",
                ColumnArrays.text(OffsetDateTime.of(2026, 12, 7, 7, 5, 0, 0, ZoneOffset.UTC)));
        assertNull(columns[3][1]);
    }

    @Test
    void refusesValuesThatDoNotFillWholeRowsAndColumnsWithoutAType() {
        assertThrows(IllegalArgumentException.class,
                () -> MultiRowInsert.into("t", "a uuid, b uuid").insert(null, List.of(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> ColumnArrays.of("a uuid, b"));
    }
}
