package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    @Column(name = "citizen_id_hmac")
    public String citizenIdHmac;
    @Column(name = "pin_hmac")
    public String pinHmac;
    /** The documents handed in, as the JSON list of the request. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String documents;
    @Column(name = "received_by")
    public String receivedBy;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "appointment_at")
    public OffsetDateTime appointmentAt;
    @Version
    public int version;

    public static Optional<Dossier> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
