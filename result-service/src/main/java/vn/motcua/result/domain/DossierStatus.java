package vn.motcua.result.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.ReceptionChannel;

import java.time.OffsetDateTime;

/**
 * One dossier as the citizen status page sees it (trạng thái hồ sơ), projected from events only. A row
 * without {@link #pinHmac} is partial: events from routing or result arrived before intake's
 * {@code received}, which completes it.
 */
@Entity
@Table(name = "dossier_status")
public class DossierStatus {
    @Id
    public String code;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "procedure_name")
    public String procedureName;
    @Column(name = "unit_code")
    public String unitCode;
    @Enumerated(EnumType.STRING)
    public ReceptionChannel channel;
    @Enumerated(EnumType.STRING)
    public DossierState status;
    @Column(name = "national_status_code")
    public int nationalStatusCode;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "appointment_at")
    public OffsetDateTime appointmentAt;
    @Column(name = "current_agency")
    public String currentAgency;
    @Column(name = "current_agency_name")
    public String currentAgencyName;
    @Column(name = "pin_hmac")
    public String pinHmac;
    @Column(name = "citizen_id_hmac")
    public String citizenIdHmac;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "last_event_time")
    public OffsetDateTime lastEventTime;
    /** The dossier version of the event that set the current status (docs/ORDERING.md); null before versions. */
    @Column(name = "last_version")
    public Long lastVersion;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    /** Cơ quan chủ trì: the agency that sends the result back; reports group by it. */
    @Column(name = "lead_agency")
    public String leadAgency;
    @Column(name = "appointment_time")
    public OffsetDateTime appointmentTime;
    /** The deadline clock is stopped (supplement or financial obligation). */
    public boolean paused;
    @Column(name = "pause_time")
    public OffsetDateTime pauseTime;
    @Column(name = "processed_at")
    public OffsetDateTime processedAt;
    @Column(name = "processed_due_at")
    public OffsetDateTime processedDueAt;
    @Column(name = "processed_on_time")
    public Boolean processedOnTime;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "stopped_at")
    public OffsetDateTime stoppedAt;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "returned_at")
    public OffsetDateTime returnedAt;
    @Column(name = "apology_ref")
    public String apologyRef;
    /**
     * The lawful due date: the first appointment moved only by lawful pauses, never by the extension; the
     * yardstick of on time in the reports and the return (issue 20). Null for a partial row.
     */
    @Column(name = "lawful_due_at")
    public OffsetDateTime lawfulDueAt;
    /** Business time of the event that set {@link #lawfulDueAt}. */
    @Column(name = "lawful_due_time")
    public OffsetDateTime lawfulDueTime;

    /** Whether {@code submitted} or {@code received} has been applied, so the dossier can be looked up. */
    public boolean isReceived() {
        return pinHmac != null;
    }

    /**
     * On time or late as things stand: the processing verdict once decided; before that, whether the
     * appointment is still ahead (unknown while the clock is paused or after a stop or withdrawal).
     */
    public Boolean onTime(OffsetDateTime now) {
        if (processedAt != null) {
            return processedOnTime;
        }
        if (paused || appointmentAt == null || stoppedAt != null || withdrawnAt != null
                || status == DossierState.REFUSED) {
            return null;
        }
        return !now.isAfter(appointmentAt);
    }
}
