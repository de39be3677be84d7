package vn.motcua.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test hook: the system clock shifted by an offset an administrator sets through a service's
 * {@code /api/admin/clock} ({@link ClockHook}), so system tests can make a step late, warned about and overdue, or
 * a reception fall after the cut-off, without waiting. A service uses it only when its
 * {@code motcua.<service>.clock.adjustable=true} (default false; the local stack turns it on only under
 * {@code MOTCUA_TEST_HOOKS=1}, and a packaged service refuses it otherwise); else its clock is the plain system clock
 * and the endpoint answers 404.
 */
public class AdjustableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public Duration offset() {
        return offset;
    }

    public void offset(Duration offset) {
        this.offset = offset;
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
        return Instant.now().plus(offset);
    }
}
