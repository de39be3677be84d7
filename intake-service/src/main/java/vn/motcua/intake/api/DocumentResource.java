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
import vn.motcua.documents.RefusalData;
import vn.motcua.documents.RefusalForm;
import vn.motcua.documents.SupplementRequestData;
import vn.motcua.documents.SupplementRequestForm;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.HistoryEntry;
import vn.motcua.intake.domain.Reception;
import vn.motcua.intake.domain.SupplementRequest;
import vn.motcua.intake.domain.OneStopUnit;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierAction;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.intake.SupplementItem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** The citizens' page (the console's /tra-cuu) that Form 01's QR code opens with the dossier code filled in. */
    private final String lookupUrl;

    public DocumentResource(JsonWebToken token, SecurityIdentity identity,
                            IntakeConfig config) {
        this.token = token;
        this.identity = identity;
        this.lookupUrl = config.receipt().lookupUrl();
    }

    /** Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5), for printing at the counter. */
    @GET
    @Path("/receipt")
    @Produces(PDF)
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public Response receipt(@PathParam("code") String code) {
        Dossier dossier = visible(code);
        if (dossier.receivedAt == null) {
            throw ProblemException.conflict("not-received", "Hồ sơ " + code
                    + " chưa được tiếp nhận nên chưa có giấy tiếp nhận và hẹn trả kết quả.");
        }
        ProcedureVersion procedure = procedureOf(dossier);
        OneStopUnit unit = OneStopUnit.findById(dossier.unitCode);
        return pdf(ReceiptForm.render(receiptData(dossier, procedure, unit,
                lookupUrl + "?code=" + URLEncoder.encode(dossier.code, StandardCharsets.UTF_8))), dossier.code + "-giay-tiep-nhan");
    }

    /** Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the latest request for this dossier. */
    @GET
    @Path("/supplement-request")
    @Produces(PDF)
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public Response supplementRequest(@PathParam("code") String code) {
        Dossier dossier = visible(code);
        List<SupplementRequest> requests = SupplementRequest.allFor(dossier.id);
        if (requests.isEmpty()) {
            throw ProblemException.notFound("Hồ sơ " + code + " chưa có yêu cầu bổ sung.");
        }
        SupplementRequest request = requests.get(requests.size() - 1);
        List<SupplementItem> items = read(request.items, new TypeReference<>() {
        });
        OneStopUnit unit = OneStopUnit.findById(dossier.unitCode);
        return pdf(SupplementRequestForm.render(new SupplementRequestData(issuer(unit), dossier.code,
                applicant(dossier), procedureName(dossier), items.stream().map(DocumentResource::item).toList(),
                request.reason, contact(unit), request.agencyCode == null ? request.requestedBy
                : request.requestedBy + " (" + request.agencyCode + ")", request.requestedAt, request.supplyBy)),
                dossier.code + "-yeu-cau-bo-sung");
    }

    /** Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ, with every reason given. */
    @GET
    @Path("/refusal")
    @Produces(PDF)
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public Response refusal(@PathParam("code") String code) {
        Dossier dossier = visible(code);
        HistoryEntry refusal = HistoryEntry.of(dossier.id).stream()
                .filter(h -> DossierAction.REFUSE.name().equals(h.action)).reduce((a, b) -> b)
                .orElseThrow(() -> ProblemException.notFound("Hồ sơ " + code + " không bị từ chối tiếp nhận."));
        List<String> reasons = read(refusal.reasons, new TypeReference<>() {
        });
        return pdf(RefusalForm.render(new RefusalData(issuer(OneStopUnit.findById(dossier.unitCode)), dossier.code,
                applicant(dossier), procedureName(dossier), reasons, refusal.actor, refusal.at)),
                dossier.code + "-tu-choi");
    }

    static Response pdf(byte[] pdf, String name) {
        return Response.ok(pdf, PDF).header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"").build();
    }

    static Issuer issuer(OneStopUnit unit) {
        return new Issuer(null, unit == null ? "Bộ phận Một cửa" : unit.name, unit == null ? null : place(unit.address));
    }

    static String contact(OneStopUnit unit) {
        if (unit == null) {
            return null;
        }
        String contact = unit.name + (unit.address == null ? "" : ", " + unit.address);
        return unit.phone == null ? contact : contact + ", điện thoại " + unit.phone;
    }

    static DocumentItem item(SupplementItem item) {
        return new DocumentItem(item.name(), item.form() == null ? "" : DocumentItem.formLabel(item.form().name()),
                item.copies() == null ? 1 : item.copies(), item.note());
    }

    private static Applicant applicant(Dossier d) {
        return new Applicant(d.applicantName, d.applicantAddress, d.applicantPhone, d.applicantEmail);
    }

    private static ProcedureVersion procedureOf(Dossier d) {
        return ProcedureVersion.findById(new ProcedureVersion.Key(d.procedureCode, d.procedureVersion));
    }

    private static String procedureName(Dossier d) {
        ProcedureVersion procedure = procedureOf(d);
        return procedure == null ? d.procedureCode : procedure.name;
    }

    static ReceiptData receiptData(Dossier d, ProcedureVersion procedure, OneStopUnit unit, String qrLink) {
        String unitName = unit == null ? "Bộ phận Một cửa" : unit.name;
        String address = unit == null ? null : unit.address;
        Issuer issuer = issuer(unit);
        List<DocumentItem> documents = Reception.documentsOf(d).stream()
                .map(doc -> new DocumentItem(doc.name(), DocumentItem.formLabel(doc.form().name()), doc.copiesOrOne()))
                .toList();
        return new ReceiptData(issuer, d.code,
                new Applicant(d.applicantName, d.applicantAddress, d.applicantPhone, d.applicantEmail),
                procedure == null ? d.procedureCode : procedure.name, documents, 1,
                procedure == null ? null : statutoryTime(procedure),
                d.receivedAt, d.appointmentAt,
                address == null || address.isBlank() ? unitName : unitName + ", " + address,
                null, d.code.substring(d.code.lastIndexOf('-') + 1), d.receivedBy, qrLink);
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

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of the wrong shape", e);
        }
    }
}
