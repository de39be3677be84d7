package vn.motcua.routing.api;

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
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    static TaskView summary(AgencyTask t) {
        return new TaskView(t.id, t.dossierCode, t.agency, t.status.name(), vietnam(t.dueAt), t.claimedBy,
                null, null, null, null, null, null, null, null);
    }

    static TaskView detail(AgencyTask t) {
        return new TaskView(t.id, t.dossierCode, t.agency, t.status.name(), vietnam(t.dueAt), t.claimedBy,
                t.stepId, t.agencyName, vietnam(t.assignedAt), vietnam(t.claimedAt), t.completedBy,
                vietnam(t.completedAt), t.outcome, t.note);
    }

    private static OffsetDateTime vietnam(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
