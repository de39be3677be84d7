package vn.motcua.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A fee or tax the applicant must pay before processing goes on (nghĩa vụ tài chính, national status 6). */
@Entity
@Table(name = "financial_obligation")
public class FinancialObligation {
    @Id
    public UUID id;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    /** The task during which the agency recorded it. */
    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(nullable = false)
    public String agency;

    @Column(name = "amount_vnd", nullable = false)
    public long amountVnd;

    @Column(nullable = false)
    public String description;

    @Column(name = "pay_by")
    public LocalDate payBy;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "recorded_by")
    public String recordedBy;
}
