package vn.motcua.routing.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.routing.ScheduledStep;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StepSchedulerTest {
    private final StepScheduler scheduler = new StepScheduler(DeadlineCalculator.standard());

    private static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+07:00");
    }

    private static PlanStep step(String id, String agency, StatutoryTime share) {
        return new PlanStep(id, agency, agency + " name", null, share);
    }

    @Test
    void sequentialStepsAreChainedAndEndOnTheAppointmentDate() {
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot("TUPHAP-BADINH", List.of(
                PlanStage.single(step("khai-sinh", "TUPHAP-BADINH", StatutoryTime.workingDays(2))),
                PlanStage.single(step("thuong-tru", "CONGAN-BADINH", StatutoryTime.workingDays(2))),
                PlanStage.single(step("bhyt", "BHXH-KV1", StatutoryTime.workingDays(1)))));

        List<ScheduledStep> steps = scheduler.schedule(plan, at("2025-11-24T09:15:00"));

        assertEquals(List.of(
                new ScheduledStep("khai-sinh", "TUPHAP-BADINH", 1, at("2025-11-26T17:00:00")),
                new ScheduledStep("thuong-tru", "CONGAN-BADINH", 2, at("2025-11-28T17:00:00")),
                // Saturday and Sunday do not count: 5 working days from Monday 24 end on Monday 1 Dec.
                new ScheduledStep("bhyt", "BHXH-KV1", 3, at("2025-12-01T17:00:00"))), steps);
        // The same as the appointment date the whole statutory time gives.
        assertEquals(DeadlineCalculator.standard().dueAfterWorkingDays(at("2025-11-24T09:15:00").toInstant(), 5),
                steps.get(2).dueAt());
    }

    /**
     * Issue 20, item 5: received Monday 15:30, after the cut-off, handed over Tuesday 07:30. A first step in hours
     * starts at the hand-over (4 hours: Tuesday 11:30, not Tuesday 10:00); one in days counts from the receipt like
     * the appointment (1 working day: Tuesday 17:00 either way, the day of receipt not being counted).
     */
    @Test
    void aFirstStepInHoursStartsAtTheHandOverAndOneInDaysCountsFromTheReceipt() {
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot("TUPHAP-BADINH", List.of(PlanStage.parallel(
                step("kiem-tra", "TUPHAP-BADINH", StatutoryTime.workingHours(4)),
                step("xac-minh", "CONGAN-BADINH", StatutoryTime.workingDays(1)))));

        assertEquals(List.of(
                new ScheduledStep("kiem-tra", "TUPHAP-BADINH", 1, at("2025-11-25T11:30:00")),
                new ScheduledStep("xac-minh", "CONGAN-BADINH", 1, at("2025-11-25T17:00:00"))),
                scheduler.schedule(plan, at("2025-11-24T15:30:00"), at("2025-11-25T07:30:00")));
        assertEquals(at("2025-11-25T10:00:00"), scheduler.schedule(plan, at("2025-11-24T15:30:00")).get(0).dueAt());
    }

    @Test
    void parallelStepsShareTheirStageStartAndTheNextStageWaitsForTheLatest() {
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot("TUPHAP-BADINH", List.of(
                PlanStage.single(step("khai-sinh", "TUPHAP-BADINH", StatutoryTime.workingHours(4))),
                PlanStage.parallel(
                        step("thuong-tru", "CONGAN-BADINH", StatutoryTime.workingDays(2)),
                        step("bhyt", "BHXH-KV1", StatutoryTime.workingDays(1))),
                PlanStage.single(step("tra-ket-qua", "TUPHAP-BADINH", StatutoryTime.workingHours(4)))));

        List<ScheduledStep> steps = scheduler.schedule(plan, at("2025-11-24T09:15:00"));

        assertEquals(List.of(
                // 09:15-11:30 is 2h15, then 1h45 from 13:00.
                new ScheduledStep("khai-sinh", "TUPHAP-BADINH", 1, at("2025-11-24T14:45:00")),
                new ScheduledStep("thuong-tru", "CONGAN-BADINH", 2, at("2025-11-26T14:45:00")),
                new ScheduledStep("bhyt", "BHXH-KV1", 2, at("2025-11-25T14:45:00")),
                // From the later parallel step: 2h15 to 17:00, 1h45 from 07:30 the next day.
                new ScheduledStep("tra-ket-qua", "TUPHAP-BADINH", 3, at("2025-11-27T09:15:00"))), steps);
    }

    @Test
    void officialDaysOffAreSkipped() {
        // 2025: 30 Apr to 4 May off (30/4, 1/5 and the swapped Friday 2 May).
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot("TUPHAP-BADINH", List.of(
                PlanStage.single(step("a", "TUPHAP-BADINH", StatutoryTime.workingDays(1))),
                PlanStage.single(step("b", "CONGAN-BADINH", StatutoryTime.workingDays(1)))));

        List<ScheduledStep> steps = scheduler.schedule(plan, at("2025-04-29T09:00:00"));

        assertEquals(at("2025-05-05T17:00:00"), steps.get(0).dueAt());
        assertEquals(at("2025-05-06T17:00:00"), steps.get(1).dueAt());
    }

    @Test
    void aPlanWithoutStagesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> scheduler.schedule(new RoutingPlanSnapshot("X", List.of()), at("2025-11-24T09:15:00")));
    }
}
