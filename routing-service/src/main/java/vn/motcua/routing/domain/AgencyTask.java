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

    /** Who handed the dossier over: the one-stop unit's code or the previous agency's (Form 06, "giao"). */
    @Column(name = "handed_over_by", nullable = false)
    public String handedOverBy;

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

    /** When a return, a transfer, a stop or a rejection elsewhere closed the task without a decision. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    /** When the deadline sweep warns that {@link #dueAt} approaches (warned_at is the sweep's, unmapped). */
    @Column(name = "warn_at", nullable = false)
    public OffsetDateTime warnAt;

    @Version
    public long version;
}
