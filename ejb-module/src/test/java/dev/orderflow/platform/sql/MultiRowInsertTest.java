package dev.orderflow.platform.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    @Test
    void repeatsTheRowForEachSetOfValues() {
        assertEquals("INSERT INTO t (a, b) VALUES (?, cast(? AS jsonb)), (?, cast(? AS jsonb))",
                MultiRowInsert.sql("t (a, b)", "?, cast(? AS jsonb)", 2));
    }

    @Test
    void refusesValuesThatDoNotFillWholeRows() {
        assertThrows(IllegalArgumentException.class,
                () -> MultiRowInsert.insert(null, "t (a, b)", "?, ?", 2, List.of(1, 2, 3)));
    }
}
