package vn.motcua.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.intake.domain.Calendars;
import vn.motcua.intake.domain.UncheckedSubmissions;
import vn.motcua.platform.api.Page;
import vn.motcua.shared.events.EventJson;

/**
 * The supervisors' list of online submissions left unchecked beyond the time for the check (issue 20, item 4), the
 * counterpart of routing's {@code GET /api/supplements/overdue}: all units, or one with {@code unit}.
 */
@Path("/api/submissions/unchecked")
@Produces(MediaType.APPLICATION_JSON)
public class UncheckedSubmissionResource {
    private final UncheckedSubmissions unchecked;
    private final Calendars calendars;

    public UncheckedSubmissionResource(UncheckedSubmissions unchecked, Calendars calendars) {
        this.unchecked = unchecked;
        this.calendars = calendars;
    }

    @GET
    @RolesAllowed("supervisor")
    @Operation(summary = "Online submissions still waiting for the counter's check beyond their time, the longest waiting first")
    public Page<UncheckedSubmissions.Unchecked> list(@QueryParam("unit") String unit, @QueryParam("page") String page,
                                                     @QueryParam("size") String size) {
        return unchecked.list(calendars.now().atOffset(EventJson.VIETNAM), unit == null || unit.isBlank() ? null
                : unit.strip(), Page.Request.of(page, size));
    }
}
