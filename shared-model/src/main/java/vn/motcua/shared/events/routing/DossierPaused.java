package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.SupplementItem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The deadline clock stopped. When an agency asks for a supplement, intake consumes this event and
 * issues the written request to the applicant (Form 02) as {@code supplement-requested}; the clock runs
 * again on intake's {@code supplement-supplied}.
 *
 * @param dueAt       the due time when the clock stopped (the old due date)
 * @param agencyCode  the agency that asked (supplement) or recorded the obligation
 * @param requestedBy the officer who asked
 * @param items       what the applicant must supply (supplement only; empty otherwise)
 * @param supplyBy    the date the applicant must supply by, printed on Form 02 (supplement only; absent from
 *                    producers before issue 20)
 */
public record DossierPaused(
        String dossierCode,
        OffsetDateTime pausedAt,
        PauseReason reason,
        OffsetDateTime dueAt,
        @OptionalField String note,
        @OptionalField String agencyCode,
        @OptionalField String requestedBy,
        @OptionalField List<SupplementItem> items,
        @OptionalField LocalDate supplyBy) implements RoutingEvent {
    public static final String TYPE = "vn.motcua.dossier.paused.v1";
    public static final String TOPIC = Topics.ROUTING;

    /** The event as producers before issue 20 wrote it, without a supply-by date. */
    public DossierPaused(String dossierCode, OffsetDateTime pausedAt, PauseReason reason, OffsetDateTime dueAt,
                         String note, String agencyCode, String requestedBy, List<SupplementItem> items) {
        this(dossierCode, pausedAt, reason, dueAt, note, agencyCode, requestedBy, items, null);
    }

    public DossierPaused {
        items = Payloads.list(items);
    }
}
