package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deadline passed without a result.
 *
 * @param taskId present when {@code scope} is {@code TASK}
 */
public record DossierOverdue(
        String dossierCode,
        DeadlineScope scope,
        @OptionalField UUID taskId,
        @OptionalField String agencyCode,
        OffsetDateTime dueAt,
        OffsetDateTime detectedAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.overdue.v1";
    public static final String TOPIC = Topics.ROUTING;
}
