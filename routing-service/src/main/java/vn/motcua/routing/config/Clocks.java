package vn.motcua.routing.config;

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
 * The time source of routing's rules and its deadline sweep: the system clock, or the
 * {@code AdjustableClock} test hook (platform's {@link ClockHook}) when {@code motcua.routing.clock.adjustable} is on. A test may
 * replace it with its own bean.
 */
@ApplicationScoped
public class Clocks {
    @Produces
    @DefaultBean
    @Singleton
    Clock clock(RoutingConfig config) {
        return ClockHook.clock(config.clock().adjustable());
    }

    /** A packaged routing refuses the hook outside a test stack ({@link ClockHook#guard}). */
    void onStart(@Observes StartupEvent start, RoutingConfig config) {
        ClockHook.guard(LaunchMode.current(), config.clock().adjustable(), System.getenv(ClockHook.TEST_HOOKS_ENV),
                "motcua.routing.clock.adjustable");
    }
}
