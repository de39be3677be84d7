package vn.motcua.routing.api;

import vn.motcua.platform.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.domain.Caller;
import vn.motcua.routing.domain.Delegations;
import vn.motcua.routing.domain.TaskLocks;
import vn.motcua.shared.events.EventJson;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Delegations of authority (ủy quyền, issue 24): the head of an agency grants signing or assignment to a named
 * officer for a period, lists the agency's delegations and revokes one. Another agency's delegation looks absent.
 */
@Path("/api/delegations")
@Produces(MediaType.APPLICATION_JSON)
public class DelegationResource {
    private final Delegations delegations;
    private final Callers callers;
    private final TaskLocks locks;

    public DelegationResource(Delegations delegations, Callers callers, TaskLocks locks) {
        this.delegations = delegations;
        this.callers = callers;
        this.locks = locks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_LEAD)
    @Operation(summary = "The head delegates signing (SIGN) or assignment (ASSIGN) to an officer for a period;"
            + " an Idempotency-Key makes a retry answer the first delegation")
    @Audited("delegation.grant")
    public Response grant(@HeaderParam("Idempotency-Key") String idempotencyKey,
                          @Valid @NotNull AgencyWorkRequests.Grant body) {
        Caller head = callers.officer();
        IdempotencyKeys.Outcome<DelegationView> outcome = delegations.grantOnce(idempotencyKey, head, body,
                DelegationView.class, () -> DelegationView.of(delegations.grant(head, body.delegate().strip(), body.scope(), body.from(),
                        body.to(), body.reason().strip(), body.signAs()), today()));
        return Response.status(outcome.status()).location(URI.create("/api/delegations/" + outcome.body().id()))
                .header("Idempotent-Replayed", outcome.replayed()).entity(outcome.body()).build();
    }

    @GET
    @RolesAllowed({Callers.AGENCY_LEAD, Callers.AGENCY_OFFICER})
    @Operation(summary = "The delegations of the caller's agency, the latest first")
    public DelegationView.Page list(@QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Page.Request paging = Page.Request.of(page, size, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Caller caller = callers.officer();
        Delegations.Found found = delegations.list(caller, paging.page(), paging.size());
        LocalDate today = today();
        return new DelegationView.Page(found.items().stream().map(d -> DelegationView.of(d, today)).toList(),
                paging.page(), paging.size(), found.total());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Callers.AGENCY_LEAD)
    @Operation(summary = "Revoke a delegation of the caller's agency (the row stays, marked revoked)")
    @Audited("delegation.revoke")
    public DelegationView revoke(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Không có ủy quyền " + id + ".");
        }
        return DelegationView.of(delegations.revoke(callers.officer(), uuid), today());
    }

    private LocalDate today() {
        return locks.now().atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
    }
}
