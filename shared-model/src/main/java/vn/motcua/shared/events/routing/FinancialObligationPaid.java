package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The applicant paid an obligation; processing continues. */
public record FinancialObligationPaid(
        String dossierCode,
        UUID obligationId,
        long amountVnd,
        OffsetDateTime paidAt,
        @OptionalField String paymentReference) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.obligation.paid.v1";
    public static final String TOPIC = Topics.ROUTING;
}
