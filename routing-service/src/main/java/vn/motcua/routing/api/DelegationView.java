package vn.motcua.routing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motcua.routing.domain.Delegation;
import vn.motcua.shared.events.EventJson;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A delegation as the API shows it; {@code active} says whether it is in force today. */
public record DelegationView(UUID id, String agency, String delegator, String delegate, String scope, LocalDate from,
                             LocalDate to, String reason, OffsetDateTime grantedAt, OffsetDateTime revokedAt,
                             String revokedBy, boolean active,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String signAs) {

    static DelegationView of(Delegation d, LocalDate today) {
        return new DelegationView(d.id, d.agency, d.delegator, d.delegate, d.scope.name(), d.validFrom, d.validTo,
                d.reason, vietnam(d.grantedAt), vietnam(d.revokedAt), d.revokedBy, d.activeOn(today),
                d.signAs == null ? null : d.signAs.name());
    }

    /** The contract's list envelope. */
    public record Page(List<DelegationView> items, int page, int size, long total) {
    }

    private static OffsetDateTime vietnam(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
