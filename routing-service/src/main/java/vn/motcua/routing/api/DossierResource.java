package vn.motcua.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.routing.domain.Caller;
import vn.motcua.routing.domain.ClockActions;
import vn.motcua.routing.domain.Deadlines;
import vn.motcua.routing.domain.DossierQueries;

/**
 * A dossier's clock and its process control sheet (Form 05), for the agencies that had one of its tasks
 * and for supervisors (others get 404); the single extension with its apology (Form 04).
 */
@Path("/api/dossiers/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {
    private final DossierQueries queries;
    private final ClockActions clock;
    private final Deadlines deadlines;
    private final Callers callers;

    public DossierResource(DossierQueries queries, ClockActions clock, Deadlines deadlines, Callers callers) {
        this.queries = queries;
        this.clock = clock;
        this.deadlines = deadlines;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
    @Operation(summary = "The dossier's deadline clock: due dates, pause, extension, stop, obligations")
    public DossierView get(@PathParam("code") String code) {
        return DossierView.of(queries.visible(code, callers.current()));
    }

    @GET
    @Path("/control-sheet")
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
    @Operation(summary = "The process control sheet (Form 05): every handover with times, parties, result, on time")
    public ControlSheet controlSheet(@PathParam("code") String code) {
        return ControlSheet.of(queries.visible(code, callers.current()), deadlines.now());
    }

    @POST
    @Path("/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "The single new appointment with the apology (Form 04); a second one answers 409")
    public DossierView extend(@PathParam("code") String code, @Valid @NotNull ActionRequests.Extension request) {
        Caller caller = callers.officer();
        clock.extend(code, caller, request.newDueAt(), request.reason().strip(),
                TaskResource.blankToNull(request.apologyRef()), TaskResource.blankToNull(request.signedBy()));
        return DossierView.of(queries.visible(code, caller));
    }
}
