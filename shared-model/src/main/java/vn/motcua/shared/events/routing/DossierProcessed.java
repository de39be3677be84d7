package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * The result is decided (đã xử lý xong, national status 9) and goes to the one-stop unit for return.
 *
 * <p>The verdict is the law's, not the appointment's (Decree 118/2025/NĐ-CP; docs/calendar.md, "On time"): a
 * dossier is on time when decided by its statutory due time, moved only by lawful pauses (supplement,
 * financial obligation). The one extension with apology (Form 04) moves the citizen's appointment, not the
 * verdict: a dossier decided after its statutory due time is late, apology or not.
 *
 * @param dueAt          the appointment in force (after any pause and the extension)
 * @param onTime         decided no later than {@code lawfulDueAt}
 * @param lawfulDueAt the statutory due time moved only by lawful pauses; absent from producers before
 *                       issue 20 (whose {@code onTime} compared with {@code dueAt})
 */
public record DossierProcessed(
        String dossierCode,
        OffsetDateTime decidedAt,
        Outcome outcome,
        String leadAgencyCode,
        @OptionalField String note,
        OffsetDateTime dueAt,
        boolean onTime,
        @OptionalField OffsetDateTime lawfulDueAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.processed.v1";
    public static final String TOPIC = Topics.ROUTING;

    /** The event as producers before issue 20 wrote it, without the statutory due time. */
    public DossierProcessed(String dossierCode, OffsetDateTime decidedAt, Outcome outcome, String leadAgencyCode,
                            String note, OffsetDateTime dueAt, boolean onTime) {
        this(dossierCode, decidedAt, outcome, leadAgencyCode, note, dueAt, onTime, null);
    }
}
