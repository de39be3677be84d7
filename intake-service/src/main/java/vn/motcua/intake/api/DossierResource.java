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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.intake.domain.Reception;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;

@Path("/api/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {
    private final Reception reception;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public DossierResource(Reception reception, JsonWebToken token, SecurityIdentity identity) {
        this.reception = reception;
        this.token = token;
        this.identity = identity;
    }

    /** Tiếp nhận hồ sơ. The unit is the officer's ({@code unit} claim), never the body's. */
    @POST
    @RolesAllowed("counter-officer")
    public Response receive(@HeaderParam("Idempotency-Key") String idempotencyKey,
                            @Valid @NotNull ReceptionRequest request, @Context UriInfo uri) {
        IdempotencyKeys.Outcome<Receipt> outcome = reception.receiveOnce(idempotencyKey, request, officer());
        return Response.status(outcome.status())
                .location(uri.getAbsolutePathBuilder().path(outcome.body().code()).build())
                .header("Idempotent-Replayed", outcome.replayed())
                .entity(outcome.body()).build();
    }

    /**
     * One dossier as intake holds it. Counter officers see their own unit's dossiers; another unit's
     * dossier answers 404, as if it did not exist. Supervisors and administrators see all.
     */
    @GET
    @Path("/{code}")
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public DossierView get(@PathParam("code") String code) {
        Dossier dossier = Dossier.byCode(code)
                .filter(d -> !identity.hasRole("counter-officer") || identity.hasRole("supervisor")
                        || identity.hasRole("admin") || d.unitCode.equals(token.getClaim("unit")))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ " + code + "."));
        ProcedureVersion procedure = ProcedureVersion.findById(
                new ProcedureVersion.Key(dossier.procedureCode, dossier.procedureVersion));
        return DossierView.of(dossier, procedure);
    }

    private Reception.Officer officer() {
        String unit = token.getClaim("unit");
        if (unit == null || unit.isBlank()) {
            throw new ProblemException(Problem.of("no-unit", "Tài khoản chưa được gán đơn vị một cửa", 403,
                    "Tài khoản cán bộ một cửa phải có thuộc tính unit (mã định danh đơn vị)."));
        }
        return new Reception.Officer(identity.getPrincipal().getName(), unit);
    }
}
