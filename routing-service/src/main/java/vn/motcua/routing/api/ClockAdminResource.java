package vn.motcua.routing.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.config.AdjustableClock;
import vn.motcua.routing.config.RoutingConfig;
import vn.motcua.routing.domain.Deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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
    /** At most this far either way: a year covers any deadline a test needs. */
    static final Duration LIMIT = Duration.ofDays(366);

    private final RoutingConfig config;
    private final Clock clock;
    private final Deadlines deadlines;
    private final SecurityIdentity identity;

    public ClockAdminResource(RoutingConfig config, Clock clock, Deadlines deadlines, SecurityIdentity identity) {
        this.config = config;
        this.clock = clock;
        this.deadlines = deadlines;
        this.identity = identity;
    }

    public record ClockView(String offset, OffsetDateTime now) {
    }

    public record OffsetRequest(String offset) {
    }

    @GET
    @Operation(summary = "Test hook: routing's clock offset and its now (404 unless motcua.routing.clock.adjustable)")
    public ClockView get() {
        adjustable();
        return view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test hook: shifts routing's clock by an ISO-8601 duration from the real time, e.g. {\"offset\":\"P3DT2H\"}")
    public ClockView set(OffsetRequest request) {
        AdjustableClock adjustable = adjustable();
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
        adjustable.offset(offset);
        return view();
    }

    @DELETE
    @Operation(summary = "Test hook: routing's clock back to the real time")
    public ClockView reset() {
        adjustable().offset(Duration.ZERO);
        return view();
    }

    private ClockView view() {
        return new ClockView(((AdjustableClock) clock).offset().toString(), deadlines.now());
    }

    /** The hook, for an administrator; 404 for everyone when it is off. */
    private AdjustableClock adjustable() {
        if (!config.clock().adjustable() || !(clock instanceof AdjustableClock adjustable)) {
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
}
