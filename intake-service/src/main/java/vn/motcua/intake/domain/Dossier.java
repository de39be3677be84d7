package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.motcua.shared.dossier.DossierState;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A dossier (hồ sơ) as received at a one-stop unit. */
@Entity
@Table(name = "dossier")
public class Dossier extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "procedure_version")
    public int procedureVersion;
    public String channel;
    @Column(name = "unit_code")
    public String unitCode;
    public String status;
    @Column(name = "applicant_name")
    public String applicantName;
    @Column(name = "applicant_id")
    public String applicantId;
    @Column(name = "applicant_phone")
    public String applicantPhone;
    @Column(name = "applicant_email")
    public String applicantEmail;
    @Column(name = "applicant_address")
    public String applicantAddress;
    /** CITIZEN, ORGANISATION or REPRESENTATIVE (issue 24); null for a citizen, as before V18. */
    @Column(name = "applicant_kind")
    public String applicantKind;
    @Column(name = "organisation_name")
    public String organisationName;
    @Column(name = "tax_code")
    public String taxCode;
    /** The citizen an authorised representative acts for, and the authorisation document (giấy ủy quyền). */
    @Column(name = "represented_name")
    public String representedName;
    @Column(name = "represented_id")
    public String representedId;
    @Column(name = "represented_address")
    public String representedAddress;
    @Column(name = "authorisation_number")
    public String authorisationNumber;
    @Column(name = "authorisation_date")
    public java.time.LocalDate authorisationDate;
    @Column(name = "authorisation_issued_by")
    public String authorisationIssuedBy;
    @Column(name = "citizen_id_hmac")
    public String citizenIdHmac;
    @Column(name = "pin_hmac")
    public String pinHmac;
    /** The documents handed in, as the JSON list of the request. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String documents;
    @Column(name = "received_by")
    public String receivedBy;
    /** The receiving officer's full name (the token's name), printed on Form 01; null before V7. */
    @Column(name = "received_by_name")
    public String receivedByName;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    /** When the statutory time started to count (after the cut-off, a same-day procedure's next morning). */
    @Column(name = "counts_from")
    public OffsetDateTime countsFrom;
    /** When the dossier reaches the agencies (after the cut-off, the next working day's opening); null before V21. */
    @Column(name = "handed_over_at")
    public OffsetDateTime handedOverAt;
    /** The applicant's commune as given at reception (territorial competence, issue 20, item 6; V17), or null. */
    @Column(name = "commune_code")
    public String communeCode;
    /** Số lượng hồ sơ: the sets handed in. */
    public int sets = 1;
    /** The unit's log book (Form 07) the dossier was entered in at reception, and its entry; null before V7. */
    @Column(name = "log_book")
    public String logBook;
    @Column(name = "log_book_entry")
    public Integer logBookEntry;
    /** Null until received: an online submission waiting for the check has no appointment yet. */
    @Column(name = "appointment_at")
    public OffsetDateTime appointmentAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    /** When supervisors were warned that this submission was left unchecked (V8); null if never. */
    @Column(name = "unchecked_warned_at")
    public OffsetDateTime uncheckedWarnedAt;
    /** The citizen's user name for an online submission. */
    @Column(name = "submitted_by")
    public String submittedBy;
    /** When the dossier entered the system: submitted online, or received at the counter or by post. */
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;
    /** How the result goes back: COUNTER, POST (to {@link #returnAddress}) or ONLINE; chosen at reception. */
    @Column(name = "return_channel")
    public String returnChannel = "COUNTER";
    @Column(name = "return_address")
    public String returnAddress;
    @Version
    public int version;

    public static Optional<Dossier> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The dossier row locked for an action: concurrent actions on one dossier run one after the other. */
    public static Optional<Dossier> byCodeForUpdate(String code) {
        return find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public DossierState state() {
        return DossierState.valueOf(status);
    }
}
