package dev.orderflow.platform.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void areVersionSevenWithTheRfcVariantAndTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = Uuids.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = Uuids.millis(id);
        assertTrue(millis >= before && millis <= after, () -> millis + " not in [" + before + ", " + after + "]");
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void sortByCreationTimeAcrossMilliseconds() throws InterruptedException {
        UUID first = Uuids.next();
        Thread.sleep(2);
        UUID second = Uuids.next();
        assertTrue(first.toString().compareTo(second.toString()) < 0, first + " should sort before " + second);
    }

    @Test
    void neverRepeatAcrossThreads() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> assertTrue(seen.add(Uuids.next()), "repeated"));
        assertEquals(200_000, seen.size());
    }

    @Test
    void randomBitsDifferWithinOneMillisecond() {
        UUID a = Uuids.next();
        UUID b = Uuids.next();
        assertTrue(!a.equals(b) && (a.getLeastSignificantBits() != b.getLeastSignificantBits()));
    }

    @Test
    void refusesToReadTheTimeOfOtherVersions() {
        assertThrows(IllegalArgumentException.class, () -> Uuids.millis(UUID.randomUUID()));
    }
}
