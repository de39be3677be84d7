package vn.motcua.intake.config;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.motcua.platform.time.ClockHook;

import java.time.Clock;

/**
 * The time source of intake's rules (receipts, appointments, the cut-off, the catalogue's dates, the sweeps): the
 * system clock, or the {@code AdjustableClock} test hook when {@code motcua.intake.clock.adjustable} is on
 * (platform's {@link ClockHook}). A test may replace it with its own bean.
 */
@ApplicationScoped
public class Clocks {
    @Produces
    @DefaultBean
    @Singleton
    Clock clock(IntakeConfig config) {
        return ClockHook.clock(config.clock().adjustable());
    }

    /** A packaged intake refuses the hook outside a test stack ({@link ClockHook#guard}). */
    void onStart(@Observes StartupEvent start, IntakeConfig config) {
        ClockHook.guard(LaunchMode.current(), config.clock().adjustable(), System.getenv(ClockHook.TEST_HOOKS_ENV),
                "motcua.intake.clock.adjustable");
    }
}
