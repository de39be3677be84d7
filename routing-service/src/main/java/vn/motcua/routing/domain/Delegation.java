package vn.motcua.routing.domain;

import vn.motcua.shared.events.routing.DelegationScope;
import vn.motcua.shared.events.routing.SignatureMark;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A head of agency's delegation of authority (ủy quyền) to a named officer for a period, both dates included:
 * signing ("KT." on the head's behalf) or assigning tasks. Never deleted: a revocation is recorded on the row.
 */
@Entity
@Table(name = "delegation")
public class Delegation {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String agency;

    @Column(nullable = false)
    public String delegator;

    @Column(nullable = false)
    public String delegate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DelegationScope scope;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @Column(nullable = false)
    public String reason;

    /** For signing: the mark the delegate signs under (KT., TL., TUQ.); null for assignment. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sign_as")
    public SignatureMark signAs;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** In force on that day: within the period and not revoked. */
    public boolean activeOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
