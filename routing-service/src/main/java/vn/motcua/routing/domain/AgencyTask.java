package vn.motcua.routing.domain;

import vn.motcua.shared.events.routing.SignatureMark;
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

    /** The officer the head (or a delegate) gave the task to (phân công); null when nobody assigned it. */
    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "officer_assigned_at")
    public OffsetDateTime officerAssignedAt;

    /** Where a draft-review-sign step stands inside the agency; null before the first draft and for plain steps. */
    @Enumerated(EnumType.STRING)
    public TaskPhase phase;

    @Enumerated(EnumType.STRING)
    @Column(name = "draft_outcome")
    public Outcome draftOutcome;

    @Column(name = "draft_note")
    public String draftNote;

    @Column(name = "drafted_by")
    public String draftedBy;

    @Column(name = "drafted_at")
    public OffsetDateTime draftedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "sent_back_reason")
    public String sentBackReason;

    @Column(name = "signed_by")
    public String signedBy;

    /** The head a delegate signed for; null when the head signed. */
    @Column(name = "signed_for")
    public String signedFor;

    /** The mark the delegate signed under (KT., TL., TUQ.); null when the head signed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "signed_as")
    public SignatureMark signedAs;

    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "document_date")
    public java.time.LocalDate documentDate;

    @Version
    public long version;
}
