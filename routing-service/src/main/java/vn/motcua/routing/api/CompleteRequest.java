package vn.motcua.routing.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.motcua.shared.events.Outcome;

/** The decision on a step; a rejection needs its reason in {@code note}. */
public record CompleteRequest(@NotNull Outcome outcome, @Size(max = 2000) String note) {
}
