package vn.motcua.routing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * routing's time source in tests: the system clock until a test fixes it at an instant (then reset).
 * Replaces the default {@code Clock} bean, so every rule that reads the time reads this one.
 */
@Singleton
public class TestClock extends Clock {
    private volatile Instant fixed;

    public void set(OffsetDateTime at) {
        fixed = at.toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }
}
