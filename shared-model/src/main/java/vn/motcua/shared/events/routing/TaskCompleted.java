package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An agency finished its step.
 *
 * @param resultData what the step produced for later steps or the result, e.g. a registration number
 * @param onTime     completed no later than the step's due time (its share of the statutory time, moved only
 *                   by lawful pauses; the dossier's extension does not move it): the control sheet's verdict,
 *                   counted against this agency
 */
public record TaskCompleted(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String completedBy,
        OffsetDateTime completedAt,
        Outcome outcome,
        @OptionalField String note,
        @OptionalField Map<String, String> resultData,
        boolean onTime) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.completed.v1";
    public static final String TOPIC = Topics.ROUTING;

    public TaskCompleted {
        resultData = Payloads.map(resultData);
    }
}
