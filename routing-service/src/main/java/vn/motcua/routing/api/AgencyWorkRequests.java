package vn.motcua.routing.api;

import vn.motcua.shared.events.routing.DelegationScope;
import vn.motcua.shared.events.routing.SignatureMark;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.motcua.shared.events.Outcome;

import java.time.LocalDate;

/** The bodies of the actions inside an agency (issue 24). */
public final class AgencyWorkRequests {
    private AgencyWorkRequests() {
    }

    /** {@code POST /api/tasks/{id}/assign}: the officer (user name) who holds the task from now on. */
    public record Assign(@NotBlank @Size(max = 100) String officer) {
    }

    /** {@code POST /api/tasks/bulk-reassign}: the absent officer's open tasks go to {@code to}. */
    public record BulkReassign(@NotBlank @Size(max = 100) String from, @NotBlank @Size(max = 100) String to) {
    }

    /** {@code POST /api/tasks/{id}/draft}: the drafted decision; a rejection needs its reason in {@code note}. */
    public record Draft(@NotNull Outcome outcome, @Size(max = 2000) String note) {
    }

    /** What a reviewer decides about a draft. */
    public enum Decision {
        PASS,
        SEND_BACK
    }

    /** {@code POST /api/tasks/{id}/review}: pass the draft on for signature, or send it back with a reason. */
    public record Review(@NotNull Decision decision, @Size(max = 2000) String reason) {
    }

    /**
     * {@code POST /api/delegations}: to whom, from and to which day (both included), what, and why; for signing, the
     * mark the delegate signs under ({@code KT} when absent: a deputy signing in the head's place).
     */
    public record Grant(@NotBlank @Size(max = 100) String delegate, @NotNull LocalDate from, @NotNull LocalDate to,
                        @NotNull DelegationScope scope, @NotBlank @Size(max = 2000) String reason,
                        SignatureMark signAs) {
    }
}
