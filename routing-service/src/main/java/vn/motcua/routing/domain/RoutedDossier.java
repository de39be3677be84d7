package vn.motcua.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import vn.motcua.shared.events.Outcome;

import java.time.OffsetDateTime;

/**
 * A received dossier as routing keeps it: the routing plan of the procedure version it was received
 * under (kế hoạch luân chuyển), with every step's due time fixed when it was routed.
 */
@Entity
@Table(name = "routed_dossier")
public class RoutedDossier {
    @Id
    public String code;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Column(name = "procedure_version", nullable = false)
    public int procedureVersion;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** The appointment date of the receipt (ngày hẹn trả). */
    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "routed_at", nullable = false)
    public OffsetDateTime routedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DossierStatus status;

    /** Index (from 0) of the stage whose tasks are open, or the last one worked on. */
    @Column(name = "current_stage", nullable = false)
    public int currentStage;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** {@link RoutingPlan} as JSON. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String plan;

    @Version
    public long version;
}
