package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * The deadline clock stopped.
 *
 * @param dueAt the due time when the clock stopped (the old due date)
 */
public record DossierPaused(
        String dossierCode,
        OffsetDateTime pausedAt,
        PauseReason reason,
        OffsetDateTime dueAt,
        @OptionalField String note) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.paused.v1";
    public static final String TOPIC = Topics.ROUTING;
}
