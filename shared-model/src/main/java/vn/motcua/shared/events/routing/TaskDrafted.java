package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The officer holding a draft-review-sign step drafted its result (dự thảo) and sent it for review. */
public record TaskDrafted(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String draftedBy,
        OffsetDateTime draftedAt,
        Outcome outcome,
        @OptionalField String note) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.drafted.v1";
    public static final String TOPIC = Topics.ROUTING;
}
