package vn.motcua.routing.api;

import vn.motcua.platform.audit.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import vn.motcua.platform.time.AdjustableClock;
import vn.motcua.platform.time.ClockHook;
import vn.motcua.routing.config.RoutingConfig;

import java.time.Clock;
import java.time.Duration;

/**
 * Test hook (system tests only): shifts routing's clock so a step becomes due, warned about and overdue
 * without waiting days. Exists only when {@code motcua.routing.clock.adjustable=true}; otherwise every
 * caller gets 404, as if the path were absent. Administrators only.
 */
@Path("/api/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// checked in code (404 before 403 when the hook is off), documented as what it is: administrators only
@SecurityRequirement(name = "SecurityScheme", scopes = "admin")
public class ClockAdminResource {
    private final RoutingConfig config;
    private final Clock clock;
    private final SecurityIdentity identity;

    public ClockAdminResource(RoutingConfig config, Clock clock, SecurityIdentity identity) {
        this.config = config;
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Test hook: routing's clock offset and its now (404 unless motcua.routing.clock.adjustable)")
    public ClockHook.ClockView get() {
        return ClockHook.view(adjustable());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test hook: shifts routing's clock by an ISO-8601 duration from the real time, e.g. {\"offset\":\"P3DT2H\"}")
    @Audited("clock.set")
    public ClockHook.ClockView set(ClockHook.OffsetRequest request) {
        return ClockHook.set(adjustable(), request);
    }

    @DELETE
    @Operation(summary = "Test hook: routing's clock back to the real time")
    @Audited("clock.reset")
    public ClockHook.ClockView reset() {
        AdjustableClock adjustable = adjustable();
        adjustable.offset(Duration.ZERO);
        return ClockHook.view(adjustable);
    }

    /** The hook, for an administrator; 404 for everyone when it is off. */
    private AdjustableClock adjustable() {
        return ClockHook.require(config.clock().adjustable(), clock, identity);
    }
}
