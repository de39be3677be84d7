package vn.motcua.shared.events;

/**
 * One agency's part of an inter-agency (liên thông) procedure.
 *
 * @param stepId stable within the procedure version, so tasks and events can refer to it
 * @param share  this step's share of the statutory time, in the same unit
 */
public record PlanStep(String stepId, String agencyCode, String agencyName, @OptionalField String name,
                       StatutoryTime share) {
}
