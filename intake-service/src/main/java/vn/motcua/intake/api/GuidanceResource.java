package vn.motcua.intake.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.documents.Applicant;
import vn.motcua.documents.DocumentItem;
import vn.motcua.documents.SupplementRequestData;
import vn.motcua.documents.SupplementRequestForm;
import vn.motcua.intake.domain.OneStopUnit;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.intake.domain.Reception;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.catalog.RequiredDocument;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one written guidance for an incomplete dossier at the counter (Form 02), before it is received:
 * the officer posts what the applicant brought, and gets the form listing everything missing, so the
 * applicant is never sent away with a spoken list. Nothing is stored; the dossier gets no code.
 */
@Path("/api/reception-guidance")
public class GuidanceResource {
    private final Reception reception;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public GuidanceResource(Reception reception, JsonWebToken token, SecurityIdentity identity) {
        this.reception = reception;
        this.token = token;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(DocumentResource.PDF)
    @RolesAllowed("counter-officer")
    public Response guidance(@Valid @NotNull ReceptionRequest request) {
        ProcedureVersion procedure = reception.procedureInForce(request.procedureCode());
        List<RequiredDocument> missing = Reception.missing(procedure.requiredDocuments(), request.documents());
        if (missing.isEmpty()) {
            throw ProblemException.unprocessable("nothing-missing",
                    "Hồ sơ đã đủ thành phần theo danh mục; tiếp nhận hồ sơ thay vì hướng dẫn bổ sung.");
        }
        String unitCode = token.getClaim("unit");
        OneStopUnit unit = unitCode == null ? null : OneStopUnit.findById(unitCode);
        ReceptionRequest.Applicant a = request.applicant();
        List<DocumentItem> items = missing.stream()
                .map(need -> new DocumentItem(need.name(), DocumentItem.formLabel(need.form().name()), need.copies(),
                        "Chưa có trong hồ sơ"))
                .toList();
        return DocumentResource.pdf(SupplementRequestForm.render(new SupplementRequestData(
                        DocumentResource.issuer(unit), null, new Applicant(a.fullName().strip(), a.address(), a.phone(), a.email()),
                        procedure.name, items, "Hồ sơ chưa đầy đủ thành phần theo quy định của thủ tục",
                        DocumentResource.contact(unit), identity.getPrincipal().getName(), OffsetDateTime.now(EventJson.VIETNAM),
                        null)),
                "huong-dan-bo-sung");
    }
}
