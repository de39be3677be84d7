package vn.motcua.routing.api;

import vn.motcua.shared.events.routing.SignatureMark;
import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motcua.routing.domain.AgencyTask;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Outcome;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A task as the contract shows it ({@code id, dossierCode, agency, status, dueAt, claimedBy}), times in
 * +07:00. The single-task answers add what the step needs; the list leaves those out.
 */
public record TaskView(
        UUID id,
        String dossierCode,
        String agency,
        String status,
        OffsetDateTime dueAt,
        String claimedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stepId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String agencyName,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime assignedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime claimedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String completedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Outcome outcome,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note,
        @JsonInclude(JsonInclude.Include.NON_NULL) String assignedTo,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phase,
        @JsonInclude(JsonInclude.Include.NON_NULL) Work work) {

    /**
     * The work inside the agency on a draft-review-sign step (issue 24): the draft, the review (a send-back's
     * reason), the signature ("KT." and the head when a delegate signed) and the document's number and date.
     */
    public record Work(
            @JsonInclude(JsonInclude.Include.NON_NULL) String assignedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Outcome draftOutcome,
            @JsonInclude(JsonInclude.Include.NON_NULL) String draftNote,
            @JsonInclude(JsonInclude.Include.NON_NULL) String draftedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime draftedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reviewedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime reviewedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sentBackReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String signedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String signature,
            @JsonInclude(JsonInclude.Include.NON_NULL) String signedFor,
            @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime signedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String documentNumber,
            @JsonInclude(JsonInclude.Include.NON_NULL) java.time.LocalDate documentDate) {

        static Work of(AgencyTask t) {
            if (t.assignedBy == null && t.draftedBy == null && t.signedBy == null) {
                return null;
            }
            return new Work(t.assignedBy, t.draftOutcome, t.draftNote, t.draftedBy, vietnam(t.draftedAt), t.reviewedBy,
                    vietnam(t.reviewedAt), t.sentBackReason, t.signedBy,
                    t.signedFor == null ? null : (t.signedAs == null ? SignatureMark.KT : t.signedAs).mark(), t.signedFor,
                    vietnam(t.signedAt), t.documentNumber, t.documentDate);
        }
    }

    static TaskView summary(AgencyTask t) {
        return new TaskView(t.id, t.dossierCode, t.agency, t.status.name(), vietnam(t.dueAt), t.claimedBy,
                null, null, null, null, null, null, null, null, t.assignedTo, t.phase == null ? null : t.phase.name(),
                null);
    }

    static TaskView detail(AgencyTask t) {
        return new TaskView(t.id, t.dossierCode, t.agency, t.status.name(), vietnam(t.dueAt), t.claimedBy,
                t.stepId, t.agencyName, vietnam(t.assignedAt), vietnam(t.claimedAt), t.completedBy,
                vietnam(t.completedAt), t.outcome, t.note, t.assignedTo, t.phase == null ? null : t.phase.name(),
                Work.of(t));
    }

    private static OffsetDateTime vietnam(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
