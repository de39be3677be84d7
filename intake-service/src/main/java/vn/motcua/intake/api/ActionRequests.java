package vn.motcua.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.intake.SupplementItem;

import java.time.LocalDate;
import java.util.List;

/** Bodies of the actions on a dossier after it entered. */
public final class ActionRequests {
    private ActionRequests() {
    }

    /** A document to supply or supplied: a row of Form 02. */
    public record Item(@NotBlank @Size(max = 300) String name, DocumentForm form, @Min(1) @Max(20) Integer copies,
                       @Size(max = 500) String note) {
        SupplementItem toEvent() {
            return new SupplementItem(name.strip(), form, copies, note);
        }

        static List<SupplementItem> toEvents(List<Item> items) {
            return items.stream().map(Item::toEvent).toList();
        }
    }

    /** Phiếu từ chối (Form 03): every reason, at least one. */
    public record Refusal(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> reasons) {
    }

    /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Form 02): why, and everything missing at once. */
    public record SupplementAsked(@NotBlank @Size(max = 1000) String reason,
                                  @NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items, LocalDate supplyBy) {
    }

    /** What the applicant supplied. */
    public record SupplementGiven(@NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items, @Size(max = 1000) String note) {
    }

    /** Đơn xin rút hồ sơ. */
    public record Withdrawal(@Size(max = 1000) String reason) {
    }
}
