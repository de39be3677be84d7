package vn.motcua.routing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.intake.SupplementItem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The bodies of the step and clock actions. */
public final class ActionRequests {
    private ActionRequests() {
    }

    /** Back to the previous step; {@code toStepId} chooses among parallel previous steps. */
    public record Return(@NotBlank @Size(max = 2000) String reason, @Size(max = 100) String toStepId) {
    }

    /** To the competent agency (the step was misrouted). */
    public record Transfer(@NotBlank @Size(max = 100) String toAgency, @Size(max = 300) String toAgencyName,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    /** A supervisor's reassignment: to another agency, to a named officer, or both. */
    public record Reassign(@Size(max = 100) String agency, @Size(max = 300) String agencyName,
                           @Size(max = 100) String officer, @Size(max = 2000) String reason) {
    }

    /**
     * What the applicant must supply (the rows of Form 02), why, and by when ({@code supplyBy}; by default
     * {@code motcua.routing.supplements.supply-working-days} working days from the request).
     */
    public record Supplement(@NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items,
                             @Size(max = 2000) String note, LocalDate supplyBy) {
    }

    public record Item(@NotBlank @Size(max = 300) String name, DocumentForm form, @Min(1) Integer copies,
                       @Size(max = 1000) String note) {
        SupplementItem toEvent() {
            return new SupplementItem(name, form, copies, note);
        }
    }

    /** A fee or tax to pay (national status 6). */
    public record Obligation(@NotNull @Positive Long amountVnd, @NotBlank @Size(max = 2000) String description,
                             LocalDate payBy) {
    }

    /** The payment of the open obligation, with the receipt's reference if any. */
    public record Payment(@Size(max = 200) String paymentReference) {
    }

    /**
     * Stop of processing: the reason Form 05 states, and optionally its number (default {@code 05/<code>}) and
     * legal basis (default Decree 118/2025/NĐ-CP, {@link vn.motcua.routing.domain.ClockActions#STOP_LEGAL_BASIS}).
     */
    public record Stop(@NotBlank @Size(max = 2000) String reason, @Size(max = 100) String documentNumber,
                       @Size(max = 1000) String legalBasis) {
        public Stop(String reason) {
            this(reason, null, null);
        }
    }

    /**
     * The single extension: the new appointment and why; the apology letter's reference and its signer, the head of
     * the agency at fault: the full name is required (Form 04 is not valid unsigned), the title defaults to
     * "Thủ trưởng cơ quan".
     */
    public record Extension(@NotNull OffsetDateTime newDueAt, @NotBlank @Size(max = 2000) String reason,
                            @Size(max = 100) String apologyRef,
                            @NotBlank(message = "cần họ tên người ký văn bản xin lỗi (thủ trưởng cơ quan để quá hạn)")
                            @Size(max = 200) String signedBy,
                            @Size(max = 200) String signerTitle) {
    }
}
