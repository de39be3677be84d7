package vn.motcua.shared.events;

import java.util.List;

/** A stage of the routing plan: a single step, or a group of steps processed in parallel. */
public record PlanStage(StageKind kind, List<PlanStep> steps) {
    public PlanStage {
        steps = Payloads.list(steps);
        if (kind == StageKind.SINGLE && steps.size() != 1) {
            throw new IllegalArgumentException("a SINGLE stage has exactly one step, not " + steps.size());
        }
        if (kind == StageKind.PARALLEL && steps.size() < 2) {
            throw new IllegalArgumentException("a PARALLEL stage has at least two steps, not " + steps.size());
        }
    }

    public static PlanStage single(PlanStep step) {
        return new PlanStage(StageKind.SINGLE, List.of(step));
    }

    public static PlanStage parallel(PlanStep... steps) {
        return new PlanStage(StageKind.PARALLEL, List.of(steps));
    }
}
