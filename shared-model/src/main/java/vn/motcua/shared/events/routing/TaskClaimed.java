package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An agency officer took a task from the agency's queue. */
public record TaskClaimed(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String claimedBy,
        OffsetDateTime claimedAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.claimed.v1";
    public static final String TOPIC = Topics.ROUTING;
}
