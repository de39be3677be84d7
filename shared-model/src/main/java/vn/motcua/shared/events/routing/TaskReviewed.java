package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A reviewer checked the draft (thẩm định): passed on to the head for signature, or sent back to the drafter
 * with a reason (an internal reason, for officers: not shown to the citizen).
 */
public record TaskReviewed(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        boolean passed,
        @OptionalField String reason) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.reviewed.v1";
    public static final String TOPIC = Topics.ROUTING;
}
