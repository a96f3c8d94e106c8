package io.slipway.store.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when a test moves it: deterministic time for unit tests. Thread-safe; the
 * zone is UTC.
 */
public final class TestClock extends Clock {

    /** The default start: an arbitrary fixed instant, so runs repeat exactly. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Instant now;

    private TestClock(Instant start) {
        this.now = start;
    }

    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    public static TestClock start() {
        return at(START);
    }

    /** Moves the clock forward (never back). */
    public synchronized TestClock advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + by);
        }
        now = now.plus(by);
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is UTC only");
    }
}
