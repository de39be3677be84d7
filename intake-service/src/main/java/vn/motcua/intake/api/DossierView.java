package vn.motcua.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.HistoryEntry;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.intake.domain.Reception;
import vn.motcua.intake.domain.SupplementRequest;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.intake.SupplementItem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/dossiers/{code}}: the dossier, its supplement requests (Form 02) and its status history.
 * The citizen ID is shown masked; the PIN is never shown again. {@code returnChannel} (COUNTER, POST, ONLINE) and,
 * by post, {@code returnAddress}: how the result goes back.
 */
public record DossierView(String code, String procedureCode, int procedureVersion, String procedureName,
                          String channel, String unitCode, String status, int nationalStatusCode, String statusText,
                          Applicant applicant, List<ReceptionRequest.Document> documents, String receivedBy,
                          OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                          List<Supplement> supplements, List<Change> history, String returnChannel,
                          String returnAddress) {

    /**
     * The applicant; for an organisation or an authorised representative (issue 24) also {@code kind},
     * {@code organisation} or {@code represents} (ID masked) and {@code authorisation}.
     */
    public record Applicant(String fullName, String idNumber, String phone, String email, String address,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ReceptionRequest.Organisation organisation,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ReceptionRequest.Represented represents,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ReceptionRequest.Authorisation authorisation) {

        static Applicant of(Dossier d) {
            return new Applicant(d.applicantName, mask(d.applicantId), d.applicantPhone, d.applicantEmail,
                    d.applicantAddress, d.applicantKind,
                    d.organisationName == null ? null : new ReceptionRequest.Organisation(d.organisationName, d.taxCode),
                    d.representedName == null ? null
                            : new ReceptionRequest.Represented(d.representedName, mask(d.representedId), d.representedAddress),
                    d.authorisationNumber == null ? null : new ReceptionRequest.Authorisation(d.authorisationNumber,
                            d.authorisationDate, d.authorisationIssuedBy));
        }
    }

    /** A request for supplement and, once supplied, when and what. */
    public record Supplement(OffsetDateTime requestedAt, String requestedBy, String agencyCode, String reason,
                             List<SupplementItem> items, LocalDate supplyBy, OffsetDateTime suppliedAt,
                             List<SupplementItem> suppliedItems, String note) {
    }

    /** One status change. */
    public record Change(OffsetDateTime at, String actor, String action, String fromStatus, String toStatus,
                         List<String> reasons, String note) {
    }

    public static DossierView of(Dossier d, ProcedureVersion procedure) {
        DossierState state = d.state();
        List<Supplement> supplements = SupplementRequest.allFor(d.id).stream()
                .map(s -> new Supplement(Receipt.vietnam(s.requestedAt), s.requestedBy, s.agencyCode, s.reason,
                        read(s.items, new TypeReference<>() { }), s.supplyBy, Receipt.vietnam(s.suppliedAt),
                        s.suppliedItems == null ? null : read(s.suppliedItems, new TypeReference<>() { }), s.suppliedNote))
                .toList();
        List<Change> history = HistoryEntry.of(d.id).stream()
                .map(h -> new Change(Receipt.vietnam(h.at), h.actor, h.action, h.fromStatus, h.toStatus,
                        read(h.reasons, new TypeReference<>() { }), h.note))
                .toList();
        return new DossierView(d.code, d.procedureCode, d.procedureVersion, procedure == null ? null : procedure.name,
                d.channel, d.unitCode, d.status, state.nationalStatusCode(), state.citizenText(),
                Applicant.of(d),
                Reception.documentsOf(d), d.receivedBy, Receipt.vietnam(d.submittedAt), Receipt.vietnam(d.receivedAt),
                Receipt.vietnam(d.appointmentAt), supplements, history, d.returnChannel, d.returnAddress);
    }

    private static String mask(String id) {
        return id == null ? null : "*".repeat(id.length() - 3) + id.substring(id.length() - 3);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of the wrong shape", e);
        }
    }
}
