package vn.motcua.intake.api;

import vn.motcua.intake.domain.ReceiptTokens;
import vn.motcua.platform.audit.AccessLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierAction;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.intake.SupplementItem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    private final Reception reception;

    private final AccessLog access;
    private final ReceiptTokens receipts;

    public DocumentResource(JsonWebToken token, SecurityIdentity identity, Reception reception,
                            IntakeConfig config, AccessLog access, ReceiptTokens receipts) {
        this.access = access;
        this.receipts = receipts;
        this.token = token;
        this.identity = identity;
        this.reception = reception;
        this.lookupUrl = config.receipt().lookupUrl();
    }

    /**
     * Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5), for printing at the counter. The PIN is shown once, in the
     * answer to the reception, and intake keeps only its HMAC: the counter passes it back as {@code pin} to have it
     * printed, and the QR code then opens the citizens' page with code, PIN and the receipt's signed token
     * ({@link ReceiptTokens}); a PIN that is not the dossier's is refused (400). Without it (a reprint) the PIN line
     * is left blank and the QR code carries the code and the token.
     */
    @GET
    @Path("/receipt")
    @Produces(PDF)
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public Response receipt(@PathParam("code") String code, @QueryParam("pin") String pin) {
        Dossier dossier = visible(code);
        if (dossier.receivedAt == null) {
            throw ProblemException.conflict("not-received", "Hồ sơ " + code
                    + " chưa được tiếp nhận nên chưa có giấy tiếp nhận và hẹn trả kết quả.");
        }
        String lookupPin = pin == null || pin.isBlank() ? null : pin.strip();
        if (lookupPin != null && !MessageDigest.isEqual(reception.pinHmac(dossier.code, lookupPin)
                .getBytes(StandardCharsets.US_ASCII), dossier.pinHmac.getBytes(StandardCharsets.US_ASCII))) {
            throw ProblemException.validation(List.of(new Problem.FieldError("pin",
                    "mã tra cứu không đúng với hồ sơ " + code)));
        }
        ProcedureVersion procedure = procedureOf(dossier);
        OneStopUnit unit = OneStopUnit.findById(dossier.unitCode);
        String link = lookupUrl + "?code=" + URLEncoder.encode(dossier.code, StandardCharsets.UTF_8)
                + (lookupPin == null ? "" : "&pin=" + URLEncoder.encode(lookupPin, StandardCharsets.UTF_8))
                + "&t=" + receipts.sign(dossier);
        return pdf(ReceiptForm.render(receiptData(dossier, procedure, unit, link, lookupPin)),
                dossier.code + "-giay-tiep-nhan");
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
        return new Applicant(d.applicantName, d.applicantAddress, d.applicantPhone, d.applicantEmail,
                Reception.capacityLine(d));
    }

    private static ProcedureVersion procedureOf(Dossier d) {
        return ProcedureVersion.findById(new ProcedureVersion.Key(d.procedureCode, d.procedureVersion));
    }

    private static String procedureName(Dossier d) {
        ProcedureVersion procedure = procedureOf(d);
        return procedure == null ? d.procedureCode : procedure.name;
    }

    static ReceiptData receiptData(Dossier d, ProcedureVersion procedure, OneStopUnit unit, String qrLink, String pin) {
        Issuer issuer = issuer(unit);
        List<DocumentItem> documents = Reception.documentsOf(d).stream()
                .map(doc -> new DocumentItem(doc.name(), DocumentItem.formLabel(doc.form().name()), doc.copiesOrOne()))
                .toList();
        return new ReceiptData(issuer, d.code,
                applicant(d), procedure == null ? d.procedureCode : procedure.name, documents, d.sets,
                procedure == null ? null : statutoryTime(procedure),
                d.receivedAt, d.appointmentAt, collectAt(d, unit),
                d.logBook, d.logBookEntry == null ? null : String.valueOf(d.logBookEntry),
                d.receivedByName != null ? d.receivedByName : d.receivedBy, qrLink, pin);
    }

    /** Đăng ký nhận kết quả tại: the return channel the applicant registered at reception. */
    static String collectAt(Dossier d, OneStopUnit unit) {
        return switch (ReturnChannel.valueOf(d.returnChannel)) {
            case COUNTER -> {
                String unitName = unit == null ? "Bộ phận Một cửa" : unit.name;
                yield unit == null || unit.address == null || unit.address.isBlank() ? unitName
                        : unitName + ", " + unit.address;
            }
            case POST -> "Qua dịch vụ bưu chính công ích, đến địa chỉ: " + d.returnAddress;
            case ONLINE -> "Trực tuyến, trên Cổng Dịch vụ công";
        };
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

    /** The dossier if the caller may see it (404 otherwise); every form shows the applicant, so the read is logged. */
    private Dossier visible(String code) {
        Dossier dossier = Dossier.byCode(code)
                .filter(d -> !identity.hasRole("counter-officer") || identity.hasRole("supervisor")
                        || identity.hasRole("admin") || d.unitCode.equals(token.getClaim("unit")))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ " + code + "."));
        access.recordRequest(dossier.code);
        return dossier;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of the wrong shape", e);
        }
    }
}
