package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An agency asked the applicant to pay (nghĩa vụ tài chính, national status 6), e.g. land use levy. */
public record FinancialObligationRequested(
        String dossierCode,
        UUID obligationId,
        String agencyCode,
        long amountVnd,
        String description,
        OffsetDateTime requestedAt,
        @OptionalField LocalDate payBy) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.obligation.requested.v1";
    public static final String TOPIC = Topics.ROUTING;
}
