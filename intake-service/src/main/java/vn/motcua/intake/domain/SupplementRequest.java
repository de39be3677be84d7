package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A written request for supplement (Form 02, phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) and its answer. */
@Entity
@Table(name = "supplement_request")
public class SupplementRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "dossier_id")
    public UUID dossierId;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "requested_by")
    public String requestedBy;
    /** The processing agency that asked; null when the one-stop unit asked at the check. */
    @Column(name = "agency_code")
    public String agencyCode;
    public String reason;
    /** JSON list of {@link vn.motcua.shared.events.intake.SupplementItem}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String items;
    @Column(name = "supply_by")
    public LocalDate supplyBy;
    @Column(name = "supplied_at")
    public OffsetDateTime suppliedAt;
    @Column(name = "supplied_by")
    public String suppliedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "supplied_items")
    public String suppliedItems;
    @Column(name = "supplied_note")
    public String suppliedNote;

    public static Optional<SupplementRequest> openFor(UUID dossierId) {
        return find("dossierId = ?1 and suppliedAt is null", dossierId).firstResultOptional();
    }

    public static List<SupplementRequest> allFor(UUID dossierId) {
        return list("dossierId = ?1 order by requestedAt", dossierId);
    }
}
