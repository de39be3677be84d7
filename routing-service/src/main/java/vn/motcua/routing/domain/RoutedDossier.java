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
import vn.motcua.shared.events.SupplementLapse;

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

    /** The procedure's name as received, for the forms; null for dossiers routed before it was kept. */
    @Column(name = "procedure_name")
    public String procedureName;

    /**
     * The applicant's name and address as received, for the forms (Kính gửi, Kèm theo hồ sơ của); no
     * other personal data is kept here. Null for dossiers routed before they were kept.
     */
    @Column(name = "applicant_name")
    public String applicantName;

    @Column(name = "applicant_address")
    public String applicantAddress;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** The due date in force: the appointment, moved by pauses and by the single extension. */
    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    /**
     * The lawful due date: the appointment as received moved only by lawful pauses (supplement, financial
     * obligation), never by the extension. The yardstick of the on-time verdict (DossierProcessed.onTime, the
     * control sheet's last row) and of the extension's deadline.
     */
    @Column(name = "lawful_due_at", nullable = false)
    public OffsetDateTime lawfulDueAt;

    /** The appointment date of the receipt (ngày hẹn trả), as received; never moves. */
    @Column(name = "statutory_due_at", nullable = false)
    public OffsetDateTime statutoryDueAt;

    /** When the deadline sweep warns that {@link #dueAt} approaches. */
    @Column(name = "warn_at", nullable = false)
    public OffsetDateTime warnAt;

    /** Since when the clock stands still (a supplement or a payment awaited), or null when it runs. */
    @Column(name = "paused_at")
    public OffsetDateTime pausedAt;

    @Column(name = "paused_by_agency")
    public String pausedByAgency;

    /** The single extension (gia hạn, Form 04): when, by which agency and officer, why, from which date. */
    @Column(name = "extended_at")
    public OffsetDateTime extendedAt;

    @Column(name = "extension_agency")
    public String extensionAgency;

    @Column(name = "extension_by")
    public String extensionBy;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "extension_previous_due_at")
    public OffsetDateTime extensionPreviousDueAt;

    @Column(name = "apology_ref")
    public String apologyRef;

    /** The full name of the head of the agency at fault who signs Form 04. */
    @Column(name = "apology_signed_by")
    public String apologySignedBy;

    /** Their title, e.g. "Chủ tịch UBND phường". */
    @Column(name = "apology_signer_title")
    public String apologySignerTitle;

    /** Stop of processing (dừng xử lý, national status 8): the data of the notice. */
    @Column(name = "stopped_at")
    public OffsetDateTime stoppedAt;

    @Column(name = "stopped_by")
    public String stoppedBy;

    @Column(name = "stop_agency")
    public String stopAgency;

    @Column(name = "stop_reason")
    public String stopReason;

    /** Form 05's number ("Số: ...") and legal basis ("Căn cứ ..."); null on a dossier stopped before V8. */
    @Column(name = "stop_ref")
    public String stopRef;

    @Column(name = "stop_legal_basis")
    public String stopLegalBasis;

    /** The reason of a rejection, or the last step's note of an approval. */
    public String note;

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

    /**
     * The catalogue's flags of the procedure version (issue 20): may an agency pause for a supplement, may the
     * one extension be given. True for dossiers routed before they were kept, or received without them.
     */
    @Column(name = "suspension_allowed", nullable = false)
    public boolean suspensionAllowed = true;

    @Column(name = "extension_allowed", nullable = false)
    public boolean extensionAllowed = true;

    /**
     * The procedure's dossier components (a JSON list of {@code RequiredDocument}): what a supplement may ask
     * for. Null when unknown (routed before it was kept, or received without it): then any item may be asked.
     */
    @ColumnTransformer(write = "?::jsonb")
    @Column(columnDefinition = "jsonb")
    public String documents;

    /**
     * The procedure's rule for a supply-by date that passes unanswered (issue 20, item 4): returned, stopped, or left
     * waiting for an officer. WAIT for dossiers routed before it was kept, or received without it.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "supplement_lapse", nullable = false)
    public SupplementLapse supplementLapse = SupplementLapse.WAIT;

    @Version
    public long version;
}
