package vn.motcua.shared.events.routing;

import java.time.OffsetDateTime;

/** A step of the instantiated plan with its own due time; {@code stage} counts from 1. */
public record ScheduledStep(String stepId, String agencyCode, int stage, OffsetDateTime dueAt) {
}
