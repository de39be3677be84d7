package vn.motcua.shared.events;

import java.util.List;

/**
 * The routing plan of a procedure version as it stood when a dossier was received: ordered stages,
 * and the lead agency (cơ quan chủ trì) that sends the result back to the one-stop unit.
 */
public record RoutingPlanSnapshot(String leadAgencyCode, List<PlanStage> stages) {
    public RoutingPlanSnapshot {
        stages = Payloads.list(stages);
    }

    /** All steps in plan order. */
    public List<PlanStep> steps() {
        return stages.stream().flatMap(s -> s.steps().stream()).toList();
    }
}
