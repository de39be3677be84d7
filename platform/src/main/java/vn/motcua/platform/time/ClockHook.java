package vn.motcua.platform.time;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The rules of the clock test hook every service that has one shares (routing's and intake's
 * {@code /api/admin/clock}): it exists only when switched on (404 for everyone otherwise, as if absent), is for
 * administrators only, moves the clock at most {@link #LIMIT} either way, and a packaged service refuses to start
 * with it switched on unless {@code MOTCUA_TEST_HOOKS=1} says this is a test stack.
 */
public final class ClockHook {
    /** At most this far either way: a year covers any deadline a test needs. */
    public static final Duration LIMIT = Duration.ofDays(366);
    /** The environment variable that marks a test stack (deploy/local/up.sh, test.sh). */
    public static final String TEST_HOOKS_ENV = "MOTCUA_TEST_HOOKS";

    private ClockHook() {
    }

    /** What the hook shows: the offset from the real time (ISO-8601) and the service's now, in +07:00. */
    public record ClockView(String offset, OffsetDateTime now) {
    }

    /** {@code {"offset": "P3DT2H"}}. */
    public record OffsetRequest(String offset) {
    }

    /** The clock a service uses: the adjustable one when the hook is on, else the system clock. */
    public static Clock clock(boolean adjustable) {
        return adjustable ? new AdjustableClock() : Clock.systemUTC();
    }

    /**
     * Refuses to start a packaged service (not dev or test mode) whose clock hook is on while the environment does
     * not say it is a test stack: a clock an administrator can move would falsify every deadline and report.
     */
    public static void guard(LaunchMode mode, boolean adjustable, String testHooksEnv, String setting) {
        if (adjustable && !mode.isDevOrTest() && !"1".equals(testHooksEnv)) {
            throw new IllegalStateException("refusing to start with the clock test hook on (" + setting + "=true) outside"
                    + " a test stack: set " + TEST_HOOKS_ENV + "=1 only on a test stack (deploy/local/up.sh), never in"
                    + " production, or switch the hook off.");
        }
    }

    /** The hook for an administrator: 404 for everyone when it is off, then 401 / 403 for other callers. */
    public static AdjustableClock require(boolean enabled, Clock clock, SecurityIdentity identity) {
        if (!enabled || !(clock instanceof AdjustableClock adjustable)) {
            throw ProblemException.notFound("Không tìm thấy.");
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole("admin")) {
            throw new ForbiddenException();
        }
        return adjustable;
    }

    /** Sets the offset a request asks for: 400 for a missing, unreadable or too large one. */
    public static ClockView set(AdjustableClock clock, OffsetRequest request) {
        if (request == null || request.offset() == null) {
            throw ProblemException.badRequest("validation-failed", "Cần trường offset (ISO-8601, ví dụ P3DT2H).");
        }
        Duration offset;
        try {
            offset = Duration.parse(request.offset());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation-failed", "offset không phải khoảng thời gian ISO-8601: "
                    + request.offset());
        }
        if (offset.abs().compareTo(LIMIT) > 0) {
            throw ProblemException.badRequest("validation-failed", "offset vượt quá 366 ngày.");
        }
        clock.offset(offset);
        return view(clock);
    }

    public static ClockView view(AdjustableClock clock) {
        return new ClockView(clock.offset().toString(), OffsetDateTime.ofInstant(clock.instant(), EventJson.VIETNAM));
    }
}
