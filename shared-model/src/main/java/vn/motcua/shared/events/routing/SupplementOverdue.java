package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A warning: a dossier is still paused for a supplement after its supply-by date (hạn bổ sung, Form 02), so it has
 * been paused beyond its limit and a supervisor must see to it (issue 20, item 4). Raised once per request by
 * routing's deadline sweep, the day after the supply-by date; the same dossiers are on
 * {@code GET /api/supplements/overdue}.
 *
 * @param stepId     the step whose agency asked
 * @param agencyCode that agency
 * @param supplyBy   the last day the applicant had
 */
public record SupplementOverdue(
        String dossierCode,
        String stepId,
        String agencyCode,
        OffsetDateTime requestedAt,
        LocalDate supplyBy,
        OffsetDateTime detectedAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.supplement-overdue.v1";
    public static final String TOPIC = Topics.ROUTING;
}
