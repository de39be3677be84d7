package vn.motcua.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.api.Page;
import vn.motcua.routing.domain.Deadlines;
import vn.motcua.routing.domain.Supplements;

/** The supervisors' view of requests for supplement (issue 20): dossiers paused beyond their supply-by date. */
@Path("/api/supplements")
@Produces(MediaType.APPLICATION_JSON)
public class SupplementResource {
    private final Supplements supplements;
    private final Deadlines deadlines;

    public SupplementResource(Supplements supplements, Deadlines deadlines) {
        this.supplements = supplements;
        this.deadlines = deadlines;
    }

    @GET
    @Path("/overdue")
    @RolesAllowed(Callers.SUPERVISOR)
    @Operation(summary = "Dossiers still paused for a supplement after its supply-by date, the longest overdue first (all units, or one with unit)")
    public Page<Supplements.Overdue> overdue(@QueryParam("unit") String unit, @QueryParam("page") String page,
                                             @QueryParam("size") String size) {
        return supplements.overdue(deadlines.now().toLocalDate(), unit == null || unit.isBlank() ? null : unit.strip(),
                Page.Request.of(page, size));
    }
}
