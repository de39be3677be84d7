package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A step's task entered an agency's work queue (a handover row of Form 05).
 *
 * @param handedOverBy code of the one-stop unit or agency that handed the dossier over
 */
public record TaskAssigned(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String agencyName,
        String handedOverBy,
        OffsetDateTime assignedAt,
        OffsetDateTime dueAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.assigned.v1";
    public static final String TOPIC = Topics.ROUTING;
}
