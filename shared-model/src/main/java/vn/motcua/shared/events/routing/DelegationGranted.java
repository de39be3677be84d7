package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A head of agency delegated signing or assignment to a named officer for a period, both dates included
 * (ủy quyền). Not about a dossier: on {@link Topics#AGENCY}, keyed by the agency's code.
 */
public record DelegationGranted(
        UUID delegationId,
        String agencyCode,
        String delegator,
        String delegate,
        DelegationScope scope,
        LocalDate validFrom,
        LocalDate validTo,
        String reason,
        OffsetDateTime grantedAt,
        @OptionalField SignatureMark signAs) implements AgencyEvent {

    public static final String TYPE = "vn.motcua.delegation.granted.v1";
    public static final String TOPIC = Topics.AGENCY;
}
