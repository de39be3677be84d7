package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The head of the agency signed the step's result (ký duyệt), or a delegate signed on the head's behalf
 * ("KT." with {@code onBehalfOf}); the result document got the agency's number of the year. The step's
 * {@link TaskCompleted} follows in the same transaction.
 *
 * @param documentNumber per agency and year, e.g. {@code 12/2026/TUPHAP-BADINH}; never repeated
 * @param signature      the delegation's mark ({@link SignatureMark}: {@code KT.}, {@code TL.} or {@code TUQ.}) when
 *                       a delegate signed for the head, absent when the head signed
 */
public record TaskSigned(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String signedBy,
        @OptionalField String onBehalfOf,
        @OptionalField String signature,
        String documentNumber,
        LocalDate documentDate,
        Outcome outcome,
        OffsetDateTime signedAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.signed.v1";
    public static final String TOPIC = Topics.ROUTING;
}
