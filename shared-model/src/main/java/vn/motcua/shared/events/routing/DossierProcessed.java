package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * The result is decided (đã xử lý xong, national status 9) and goes to the one-stop unit for return.
 *
 * @param dueAt  the due time that applied (after any pause or extension)
 * @param onTime decided no later than {@code dueAt}
 */
public record DossierProcessed(
        String dossierCode,
        OffsetDateTime decidedAt,
        Outcome outcome,
        String leadAgencyCode,
        @OptionalField String note,
        OffsetDateTime dueAt,
        boolean onTime) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.processed.v1";
    public static final String TOPIC = Topics.ROUTING;
}
