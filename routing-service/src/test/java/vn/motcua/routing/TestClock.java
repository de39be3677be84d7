package vn.motcua.routing;

import jakarta.inject.Singleton;
import vn.motcua.platform.time.AdjustableClock;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * routing's time source in tests: the system clock until a test fixes it at an instant (then reset).
 * Replaces the default {@code Clock} bean, so every rule that reads the time reads this one. It is also an
 * {@link AdjustableClock}, so the clock hook's tests shift it through the endpoint (on top of a fixed instant).
 */
@Singleton
public class TestClock extends AdjustableClock {
    private volatile Instant fixed;

    public void set(OffsetDateTime at) {
        fixed = at.toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return (at != null ? at : Instant.now()).plus(offset());
    }
}
