package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An agency sent the dossier back to the previous step, with a reason. */
public record TaskReturned(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String returnedBy,
        OffsetDateTime returnedAt,
        String toStepId,
        String toAgencyCode,
        String reason) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.returned.v1";
    public static final String TOPIC = Topics.ROUTING;
}
