package vn.motcua.routing.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.routing.ScheduledStep;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dossier's routing plan as stored (routed_dossier.plan): the snapshot received from intake and each
 * step's due time, fixed when the dossier was routed. Stages are indexed from 0 here; the events'
 * {@link ScheduledStep#stage()} counts from 1.
 */
public record RoutingPlan(RoutingPlanSnapshot snapshot, List<ScheduledStep> schedule) {

    public int stageCount() {
        return snapshot.stages().size();
    }

    public PlanStage stage(int index) {
        return snapshot.stages().get(index);
    }

    public boolean isLastStage(int index) {
        return index == stageCount() - 1;
    }

    /** The due time fixed for a step of a stage. */
    public OffsetDateTime dueOf(int stageIndex, PlanStep step) {
        return schedule.stream()
                .filter(s -> s.stage() == stageIndex + 1 && s.stepId().equals(step.stepId()))
                .map(ScheduledStep::dueAt)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no due time for step " + step.stepId()));
    }

    /** The plan with the due times of stages from {@code fromStageIndex} on moved by {@code shift}. */
    public RoutingPlan shifted(int fromStageIndex, java.util.function.UnaryOperator<OffsetDateTime> shift) {
        return new RoutingPlan(snapshot, schedule.stream()
                .map(s -> s.stage() > fromStageIndex
                        ? new ScheduledStep(s.stepId(), s.agencyCode(), s.stage(), shift.apply(s.dueAt())) : s)
                .toList());
    }

    public String toJson() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing plan cannot be written as JSON", e);
        }
    }

    public static RoutingPlan fromJson(String json) {
        try {
            return EventJson.mapper().readValue(json, RoutingPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored routing plan is unreadable", e);
        }
    }
}
