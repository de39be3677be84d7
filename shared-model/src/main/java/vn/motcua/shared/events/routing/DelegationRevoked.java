package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The head revoked a delegation before its end: from then on the delegate acts for the head no more. */
public record DelegationRevoked(
        UUID delegationId,
        String agencyCode,
        String delegate,
        DelegationScope scope,
        String revokedBy,
        OffsetDateTime revokedAt) implements AgencyEvent {

    public static final String TYPE = "vn.motcua.delegation.revoked.v1";
    public static final String TOPIC = Topics.AGENCY;
}
