package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/** The deadline clock runs again; the due date moved by the paused working time. */
public record DossierResumed(
        String dossierCode,
        OffsetDateTime resumedAt,
        OffsetDateTime pausedAt,
        OffsetDateTime previousDueAt,
        OffsetDateTime newDueAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.resumed.v1";
    public static final String TOPIC = Topics.ROUTING;
}
