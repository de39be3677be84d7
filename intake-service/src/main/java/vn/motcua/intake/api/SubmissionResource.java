package vn.motcua.intake.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.DossierActions;
import vn.motcua.intake.domain.DossierSearch;
import vn.motcua.intake.domain.Reception;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.Role;

/**
 * A citizen's online service (dịch vụ công trực tuyến): submit a dossier, see their own dossiers (those
 * submitted online and those received for them under their citizen ID), supply what was asked, withdraw.
 * Another person's dossier answers 404.
 */
@Path("/api/public/submissions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class SubmissionResource {
    private final Reception reception;
    private final DossierActions actions;
    private final DossierSearch search;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public SubmissionResource(Reception reception, DossierActions actions, DossierSearch search, JsonWebToken token,
                              SecurityIdentity identity) {
        this.reception = reception;
        this.actions = actions;
        this.search = search;
        this.token = token;
        this.identity = identity;
    }

    /** Nộp hồ sơ trực tuyến: waits for a counter officer's check; the code and PIN are issued now. */
    @POST
    public Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull SubmissionRequest request, @Context UriInfo uri) {
        IdempotencyKeys.Outcome<Receipt> outcome = reception.submitOnce(idempotencyKey, request, citizen());
        return Response.status(outcome.status())
                .location(uri.getAbsolutePathBuilder().path(outcome.body().code()).build())
                .header("Idempotent-Replayed", outcome.replayed())
                .entity(outcome.body()).build();
    }

    @GET
    public Page<DossierSearch.Row> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        return search.search(new DossierSearch.Filter(null, null, null, null, null, null, link(), null),
                Page.Request.of(page, size));
    }

    @GET
    @Path("/{code}")
    public DossierView get(@PathParam("code") String code) {
        String link = link();
        Dossier dossier = Dossier.byCode(code).filter(d -> link.equals(d.citizenIdHmac))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ " + code + "."));
        return DossierResource.view(dossier);
    }

    /** Bổ sung hồ sơ trực tuyến. */
    @POST
    @Path("/{code}/supplements")
    public DossierView supply(@PathParam("code") String code, @Valid @NotNull ActionRequests.SupplementGiven body) {
        actions.supply(code, ActionRequests.Item.toEvents(body.items()), body.note(), actor());
        return get(code);
    }

    /** Rút hồ sơ. */
    @POST
    @Path("/{code}/withdraw")
    public DossierView withdraw(@PathParam("code") String code, @Valid ActionRequests.Withdrawal body) {
        actions.withdraw(code, body == null ? null : DossierResource.blankToNull(body.reason()), actor());
        return get(code);
    }

    private Reception.Citizen citizen() {
        String citizenId = token.getClaim("citizen_id");
        if (citizenId == null || !citizenId.matches("[0-9]{12}")) {
            throw new ProblemException(Problem.of("no-citizen-id", "Tài khoản chưa được định danh", 403,
                    "Tài khoản công dân phải có số định danh cá nhân (citizen_id, 12 chữ số) để nộp và theo dõi hồ sơ."));
        }
        return new Reception.Citizen(identity.getPrincipal().getName(), citizenId);
    }

    private String link() {
        return reception.citizenLink(citizen().citizenId());
    }

    private DossierActions.Actor actor() {
        return new DossierActions.Actor(identity.getPrincipal().getName(), Role.CITIZEN, null, link());
    }
}
