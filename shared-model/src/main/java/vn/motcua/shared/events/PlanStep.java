package vn.motcua.shared.events;

/**
 * One agency's part of an inter-agency (liên thông) procedure.
 *
 * @param stepId stable within the procedure version, so tasks and events can refer to it
 * @param share  this step's share of the statutory time, in the same unit
 * @param flow   how the agency works the step inside itself; absent means {@link StepFlow#PLAIN}
 */
public record PlanStep(String stepId, String agencyCode, String agencyName, @OptionalField String name,
                       StatutoryTime share, @OptionalField StepFlow flow) {

    /** A plain step (decided by one officer), as every step was before issue 24. */
    public PlanStep(String stepId, String agencyCode, String agencyName, String name, StatutoryTime share) {
        this(stepId, agencyCode, agencyName, name, share, null);
    }

    /** The flow, {@link StepFlow#PLAIN} when the plan does not say. */
    public StepFlow flowOrPlain() {
        return flow == null ? StepFlow.PLAIN : flow;
    }
}
