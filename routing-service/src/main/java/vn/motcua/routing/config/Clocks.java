package vn.motcua.routing.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The time source of routing's rules and its deadline sweep: the system clock, or the
 * {@link AdjustableClock} test hook when {@code motcua.routing.clock.adjustable} is on. A test may
 * replace it with its own bean.
 */
@ApplicationScoped
public class Clocks {
    @Produces
    @DefaultBean
    @Singleton
    Clock clock(RoutingConfig config) {
        return config.clock().adjustable() ? new AdjustableClock() : Clock.systemUTC();
    }
}
