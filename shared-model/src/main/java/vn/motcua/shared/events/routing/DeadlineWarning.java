package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deadline is near (at least one working day ahead, so an agency at fault can still apologise).
 *
 * @param taskId     present when {@code scope} is {@code TASK}
 * @param agencyCode the agency holding the dossier or the task, if any
 */
public record DeadlineWarning(
        String dossierCode,
        DeadlineScope scope,
        @OptionalField UUID taskId,
        @OptionalField String agencyCode,
        OffsetDateTime dueAt,
        OffsetDateTime warnedAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.deadline-warning.v1";
    public static final String TOPIC = Topics.ROUTING;
}
