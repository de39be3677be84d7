package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * The deadline clock runs again; the due date moved by the paused working time.
 *
 * @param newDueAt       the appointment in force now (an extension given before the pause stays in it)
 * @param lawfulDueAt the statutory due time moved by this pause and the earlier ones, never by the extension;
 *                       absent from producers before issue 20
 */
public record DossierResumed(
        String dossierCode,
        OffsetDateTime resumedAt,
        OffsetDateTime pausedAt,
        OffsetDateTime previousDueAt,
        OffsetDateTime newDueAt,
        @OptionalField OffsetDateTime lawfulDueAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.resumed.v1";
    public static final String TOPIC = Topics.ROUTING;

    /** The event as producers before issue 20 wrote it, without the statutory due time. */
    public DossierResumed(String dossierCode, OffsetDateTime resumedAt, OffsetDateTime pausedAt,
                          OffsetDateTime previousDueAt, OffsetDateTime newDueAt) {
        this(dossierCode, resumedAt, pausedAt, previousDueAt, newDueAt, null);
    }
}
