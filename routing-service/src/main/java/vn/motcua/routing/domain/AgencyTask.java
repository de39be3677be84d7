package vn.motcua.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.motcua.shared.events.Outcome;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One agency's work on one step of a dossier: a row of that agency's queue. */
@Entity
@Table(name = "agency_task")
public class AgencyTask {
    @Id
    public UUID id;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    /** The stage of the plan, counted from 0. */
    @Column(name = "stage_index", nullable = false)
    public int stageIndex;

    @Column(name = "step_id", nullable = false)
    public String stepId;

    @Column(nullable = false)
    public String agency;

    @Column(name = "agency_name")
    public String agencyName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(name = "assigned_at", nullable = false)
    public OffsetDateTime assignedAt;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String note;

    @Version
    public long version;
}
