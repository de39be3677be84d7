package vn.motcua.routing.domain;

import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.calendar.StatutoryTime;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.routing.ScheduledStep;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fixes each step's due time from its share of the statutory time. The first stage counts from the
 * receipt the way the appointment date does (N working days end at the close of the Nth working day
 * after the day of receipt); each later stage starts when the previous stage is due (the latest of its
 * parallel steps) and adds its share as working time, so shares that add up to the statutory time end
 * exactly on the appointment date. Parallel steps share their stage's start. A dossier received after the
 * cut-off reaches the agencies at the next working day's opening (its hand-over): a first step counted in working
 * hours starts there; one counted in days is unchanged, the day of receipt not being counted anyway.
 */
public final class StepScheduler {
    private final DeadlineCalculator calculator;

    public StepScheduler(DeadlineCalculator calculator) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
    }

    public List<ScheduledStep> schedule(RoutingPlanSnapshot plan, OffsetDateTime receivedAt) {
        return schedule(plan, receivedAt, receivedAt);
    }

    /** The schedule of a receipt whose hand-over to the agencies is {@code handedOverAt} (not before the receipt). */
    public List<ScheduledStep> schedule(RoutingPlanSnapshot plan, OffsetDateTime receivedAt, OffsetDateTime handedOverAt) {
        if (plan.stages().isEmpty()) {
            throw new IllegalArgumentException("a routing plan needs at least one stage");
        }
        List<ScheduledStep> steps = new ArrayList<>();
        OffsetDateTime stageStart = receivedAt;
        for (int index = 0; index < plan.stages().size(); index++) {
            PlanStage stage = plan.stages().get(index);
            OffsetDateTime stageEnd = null;
            for (PlanStep step : stage.steps()) {
                OffsetDateTime due = index == 0 ? fromReceipt(receivedAt, handedOverAt, step) : fromHandover(stageStart, step);
                steps.add(new ScheduledStep(step.stepId(), step.agencyCode(), index + 1, due));
                if (stageEnd == null || due.isAfter(stageEnd)) {
                    stageEnd = due;
                }
            }
            stageStart = stageEnd;
        }
        return List.copyOf(steps);
    }

    private OffsetDateTime fromReceipt(OffsetDateTime receivedAt, OffsetDateTime handedOverAt, PlanStep step) {
        StatutoryTime share = new StatutoryTime(step.share().value(),
                StatutoryTime.Unit.valueOf(step.share().unit().name()));
        OffsetDateTime from = share.unit() == StatutoryTime.Unit.WORKING_HOURS && handedOverAt.isAfter(receivedAt)
                ? handedOverAt : receivedAt;
        return calculator.due(from.toInstant(), share);
    }

    private OffsetDateTime fromHandover(OffsetDateTime start, PlanStep step) {
        int value = step.share().value();
        return switch (step.share().unit()) {
            case WORKING_DAYS -> calculator.plusWorkingTime(start.toInstant(),
                    calculator.officeHours().workingDay().multipliedBy(value));
            case WORKING_HOURS -> calculator.plusWorkingTime(start.toInstant(), Duration.ofHours(value));
            case CALENDAR_DAYS -> {
                LocalDate day = start.atZoneSameInstant(EventJson.VIETNAM).toLocalDate()
                        .plusDays(value);
                yield calculator.closeOf(calculator.calendar().isWorkingDay(day) ? day
                        : calculator.calendar().nextWorkingDay(day));
            }
        };
    }
}
