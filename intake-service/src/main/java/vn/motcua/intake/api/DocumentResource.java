package vn.motcua.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.documents.Applicant;
import vn.motcua.documents.DocumentItem;
import vn.motcua.documents.Issuer;
import vn.motcua.documents.ReceiptData;
import vn.motcua.documents.ReceiptForm;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.OneStopUnit;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;

import java.util.List;

/**
 * The forms intake prints for a dossier, as PDF. Who may see a dossier here is who may see it at
 * {@code GET /api/dossiers/{code}}: counter officers of its unit, supervisors, administrators;
 * anyone else gets 404.
 */
@Path("/api/dossiers/{code}")
public class DocumentResource {
    public static final String PDF = "application/pdf";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public DocumentResource(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5), for printing at the counter. */
    @GET
    @Path("/receipt")
    @Produces(PDF)
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public Response receipt(@PathParam("code") String code) {
        Dossier dossier = visible(code);
        ProcedureVersion procedure = ProcedureVersion.findById(
                new ProcedureVersion.Key(dossier.procedureCode, dossier.procedureVersion));
        OneStopUnit unit = OneStopUnit.findById(dossier.unitCode);
        byte[] pdf = ReceiptForm.render(receiptData(dossier, procedure, unit));
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "inline; filename=\"" + dossier.code + "-giay-tiep-nhan.pdf\"")
                .build();
    }

    static ReceiptData receiptData(Dossier d, ProcedureVersion procedure, OneStopUnit unit) {
        String unitName = unit == null ? "Bộ phận Một cửa" : unit.name;
        String address = unit == null ? null : unit.address;
        Issuer issuer = new Issuer(null, unitName, place(address));
        List<DocumentItem> documents = documents(d.documents).stream()
                .map(doc -> new DocumentItem(doc.name(), DocumentItem.formLabel(doc.form().name()), doc.copiesOrOne()))
                .toList();
        return new ReceiptData(issuer, d.code,
                new Applicant(d.applicantName, d.applicantAddress, d.applicantPhone, d.applicantEmail),
                procedure == null ? d.procedureCode : procedure.name, documents, 1,
                procedure == null ? null : statutoryTime(procedure),
                d.receivedAt, d.appointmentAt,
                address == null || address.isBlank() ? unitName : unitName + ", " + address,
                null, d.code.substring(d.code.lastIndexOf('-') + 1), d.receivedBy);
    }

    /** "10 ngày làm việc", "4 giờ làm việc", "30 ngày". */
    static String statutoryTime(ProcedureVersion p) {
        String unit = switch (p.statutoryTime().unit()) {
            case WORKING_DAYS -> "ngày làm việc";
            case WORKING_HOURS -> "giờ làm việc";
            case CALENDAR_DAYS -> "ngày";
        };
        return p.statutoryValue + " " + unit;
    }

    /** The date line's place: the last part of the unit's address ("25 Đội Cấn, phường Ba Đình, Hà Nội" → "Hà Nội"). */
    static String place(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.substring(address.lastIndexOf(',') + 1).strip();
    }

    private Dossier visible(String code) {
        return Dossier.byCode(code)
                .filter(d -> !identity.hasRole("counter-officer") || identity.hasRole("supervisor")
                        || identity.hasRole("admin") || d.unitCode.equals(token.getClaim("unit")))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ " + code + "."));
    }

    private static List<ReceptionRequest.Document> documents(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dossier row holds documents of the wrong shape", e);
        }
    }
}
