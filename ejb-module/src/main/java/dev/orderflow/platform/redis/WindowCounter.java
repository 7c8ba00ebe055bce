package dev.orderflow.platform.redis;

import dev.orderflow.platform.redis.RateLimiter.Decision;

/**
 * One rate-limit key on one node: the count of the current window as Redis last reported it (every node's hits) plus
 * this node's hits not yet pushed. Times are {@code System.nanoTime()} values.
 */
final class WindowCounter {

    private final long windowNanos;
    private long windowEndsAt;
    private boolean started;
    private long known;
    private long pending;

    WindowCounter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    long windowNanos() {
        return windowNanos;
    }

    synchronized Decision hit(int limit, long now) {
        roll(now);
        if (known + pending >= limit) {
            return new Decision(false, Math.max(1, (windowEndsAt - now + 999_999_999) / 1_000_000_000));
        }
        pending++;
        return new Decision(true, 0);
    }

    /** This node's hits since the last push, from now on counted as known (also when the push fails). */
    synchronized long drain() {
        long hits = pending;
        pending = 0;
        known += hits;
        return hits;
    }

    /** Redis' count after a push (every node's hits in its window) and the window's time left there. */
    synchronized void synced(long count, long millisLeft, long now) {
        known = count;
        windowEndsAt = now + millisLeft * 1_000_000;
        started = true;
    }

    /** True once nothing happened for a whole window after the last one ended. */
    synchronized boolean idleSince(long now) {
        return started && pending == 0 && now - windowEndsAt > windowNanos;
    }

    private void roll(long now) {
        if (!started) {
            started = true;
            windowEndsAt = now + windowNanos;
        } else if (now - windowEndsAt >= 0) {
            windowEndsAt = now + windowNanos;
            known = 0;
            pending = 0; // hits of the window that ended, not pushed: they count for nothing any more
        }
    }
}
