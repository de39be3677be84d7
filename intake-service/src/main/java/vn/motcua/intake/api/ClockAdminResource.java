package vn.motcua.intake.api;

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
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.platform.time.AdjustableClock;
import vn.motcua.platform.time.ClockHook;

import java.time.Clock;
import java.time.Duration;

/**
 * Test hook (system tests only), routing's twin: shifts intake's clock so a reception falls after the cut-off or on
 * a given weekday whatever the hour the tests run (issue 20, item 5). Exists only when
 * {@code motcua.intake.clock.adjustable=true}; otherwise every caller gets 404, as if the path were absent.
 * Administrators only.
 */
@Path("/api/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// checked in code (404 before 403 when the hook is off), documented as what it is: administrators only
@SecurityRequirement(name = "SecurityScheme", scopes = "admin")
public class ClockAdminResource {
    private final IntakeConfig config;
    private final Clock clock;
    private final SecurityIdentity identity;

    public ClockAdminResource(IntakeConfig config, Clock clock, SecurityIdentity identity) {
        this.config = config;
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Test hook: intake's clock offset and its now (404 unless motcua.intake.clock.adjustable)")
    public ClockHook.ClockView get() {
        return ClockHook.view(adjustable());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test hook: shifts intake's clock by an ISO-8601 duration from the real time, e.g. {\"offset\":\"PT5H\"}")
    @Audited("clock.set")
    public ClockHook.ClockView set(ClockHook.OffsetRequest request) {
        return ClockHook.set(adjustable(), request);
    }

    @DELETE
    @Operation(summary = "Test hook: intake's clock back to the real time")
    @Audited("clock.reset")
    public ClockHook.ClockView reset() {
        AdjustableClock adjustable = adjustable();
        adjustable.offset(Duration.ZERO);
        return ClockHook.view(adjustable);
    }

    private AdjustableClock adjustable() {
        return ClockHook.require(config.clock().adjustable(), clock, identity);
    }
}
