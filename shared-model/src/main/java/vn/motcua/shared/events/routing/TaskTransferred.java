package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A task was moved to another agency (e.g. the competent one), with a reason. */
public record TaskTransferred(
        String dossierCode,
        UUID taskId,
        String stepId,
        String fromAgencyCode,
        String toAgencyCode,
        @OptionalField String toAgencyName,
        String transferredBy,
        OffsetDateTime transferredAt,
        String reason) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.transferred.v1";
    public static final String TOPIC = Topics.ROUTING;
}
