package dev.orderflow.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WindowCounterTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void countsThisNodesRequestsExactlyBeforeAnySync() {
        var counter = new WindowCounter(MINUTE);
        for (int i = 0; i < 5; i++) {
            assertTrue(counter.hit(5, i).allowed());
        }
        var refused = counter.hit(5, 10 * SECOND);
        assertFalse(refused.allowed());
        assertEquals(50, refused.retryAfterSeconds());
    }

    @Test
    void keepsPushedHitsCountedWhetherOrNotRedisAnswers() {
        var counter = new WindowCounter(MINUTE);
        counter.hit(3, 0);
        counter.hit(3, 0);
        assertEquals(2, counter.drain());
        assertEquals(0, counter.drain());
        assertTrue(counter.hit(3, 1).allowed());
        assertFalse(counter.hit(3, 2).allowed());
    }

    @Test
    void learnsOtherNodesHitsAndTheWindowFromRedis() {
        var counter = new WindowCounter(MINUTE);
        counter.hit(10, 0);
        counter.drain();
        counter.synced(9, 20_000, SECOND); // eight more from other nodes; 20 s left in Redis' window
        assertTrue(counter.hit(10, 2 * SECOND).allowed());
        var refused = counter.hit(10, 2 * SECOND);
        assertFalse(refused.allowed());
        assertEquals(19, refused.retryAfterSeconds());
    }

    @Test
    void startsAFreshWindowOnceTheOldOneEnded() {
        var counter = new WindowCounter(MINUTE);
        assertTrue(counter.hit(1, 0).allowed());
        assertFalse(counter.hit(1, SECOND).allowed());
        assertTrue(counter.hit(1, MINUTE).allowed());
        assertFalse(counter.idleSince(MINUTE + 1));
        counter.drain();
        assertTrue(counter.idleSince(3 * MINUTE + 1));
    }
}
