package dev.orderflow.platform.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void writesIdsAsOnePostgresArrayLiteral() {
        var a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        var b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        assertEquals("{00000000-0000-0000-0000-00000000000a,00000000-0000-0000-0000-00000000000b}",
                Placeholders.uuidArray(List.of(a, b)));
        assertEquals("{}", Placeholders.uuidArray(List.of()));
    }
}
