package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.TaskClaimed;
import vn.motcua.shared.events.routing.TaskCompleted;
import vn.motcua.shared.events.routing.TaskReturned;
import vn.motcua.shared.events.routing.TaskTransferred;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an agency officer does with a task: claim it (nhận xử lý), complete it with a decision, return
 * the dossier to the previous step, or transfer the step to the competent agency; and what a supervisor
 * does: reassign a task to another officer or agency. Completing the last open task of a stage hands the
 * dossier to the next stage, or decides it.
 */
@ApplicationScoped
public class TaskActions {
    private final EntityManager em;
    private final RoutingEvents events;
    private final DossierRouting routing;
    private final TaskLocks locks;
    private final Catalog catalog;

    public TaskActions(EntityManager em, RoutingEvents events, DossierRouting routing, TaskLocks locks,
                       Catalog catalog) {
        this.em = em;
        this.events = events;
        this.routing = routing;
        this.locks = locks;
        this.catalog = catalog;
    }

    /**
     * Takes an assigned task of the caller's agency. One conditional update decides between concurrent
     * claims: exactly one changes the row, the others find it claimed (409). Claiming a task one already
     * holds changes nothing.
     */
    @Transactional
    public AgencyTask claim(UUID id, Caller caller) {
        AgencyTask task = locks.actionable(id, caller);
        OffsetDateTime now = locks.now();
        int updated = em.createQuery("update AgencyTask t set t.status = :claimed, t.claimedBy = :user,"
                        + " t.claimedAt = :now, t.version = t.version + 1"
                        + " where t.id = :id and t.status = :assigned")
                .setParameter("claimed", TaskStatus.CLAIMED)
                .setParameter("user", caller.user())
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("assigned", TaskStatus.ASSIGNED)
                .executeUpdate();
        em.refresh(task);
        if (updated == 0) {
            if (task.status == TaskStatus.CLAIMED && caller.user().equals(task.claimedBy)) {
                return task;
            }
            throw TaskLocks.notAvailable(task);
        }
        events.publish(new TaskClaimed(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now));
        return task;
    }

    /**
     * Decides a task of the caller's agency, claiming it first if nobody holds it. Completions of one
     * dossier are serialised on its row, so that of two parallel tasks completed at once exactly one
     * sees the stage finished; the task's version turns a concurrent claim by someone else into 409.
     */
    @Transactional
    public AgencyTask complete(UUID id, Caller caller, Outcome outcome, String note) {
        if (outcome == Outcome.REJECTED && (note == null || note.isBlank())) {
            throw ProblemException.badRequest("rejection-reason-required",
                    "Từ chối hồ sơ phải nêu rõ lý do (trường note).");
        }
        TaskLocks.Held held = locks.hold(id, caller, false);
        AgencyTask task = held.task();
        if (AgencyWork.flowOf(held.dossier(), task) == vn.motcua.shared.events.StepFlow.DRAFT_REVIEW_SIGN) {
            throw ProblemException.conflict("signature-required", "Bước này được giải quyết qua dự thảo, thẩm định"
                    + " và ký duyệt của lãnh đạo cơ quan; không hoàn thành trực tiếp.");
        }
        OffsetDateTime now = held.now();
        task.status = TaskStatus.COMPLETED;
        task.completedBy = caller.user();
        task.completedAt = now;
        task.outcome = outcome;
        task.note = note;
        locks.flush();
        events.publish(new TaskCompleted(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now,
                outcome, note, null, !now.isAfter(task.dueAt)));
        advance(held.dossier(), task, now);
        return task;
    }

    /**
     * Sends the dossier back to a step of the previous stage (trả lại bước trước) with a reason: this
     * task closes as RETURNED, the stage's other open tasks close too (the stage starts again once the
     * previous step is redone), and the previous step's agency gets a new task with the due date that
     * step last had (a return gives no extra time). {@code toStepId} chooses among parallel steps.
     */
    @Transactional
    public AgencyTask returnToPrevious(UUID id, Caller caller, String toStepId, String reason) {
        TaskLocks.Held held = locks.hold(id, caller, false);
        AgencyTask task = held.task();
        if (task.stageIndex == 0) {
            throw ProblemException.conflict("no-previous-step",
                    "Đây là bước đầu tiên, không có bước trước để trả lại; hãy yêu cầu công dân bổ sung hồ sơ.");
        }
        RoutingPlan plan = RoutingPlan.fromJson(held.dossier().plan);
        int previous = task.stageIndex - 1;
        PlanStep target = previousStep(plan.stage(previous), toStepId);
        AgencyTask last = em.createQuery("select t from AgencyTask t where t.dossierCode = :code"
                        + " and t.stageIndex = :stage and t.stepId = :step order by t.assignedAt desc, t.id",
                        AgencyTask.class)
                .setParameter("code", task.dossierCode)
                .setParameter("stage", previous)
                .setParameter("step", target.stepId())
                .setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no task of step " + target.stepId()));
        OffsetDateTime now = held.now();
        close(task, TaskStatus.RETURNED, reason, now);
        for (AgencyTask sibling : openInStage(task.dossierCode, task.stageIndex)) {
            close(sibling, TaskStatus.CANCELLED, "Hồ sơ được trả lại bước trước: " + reason, now);
        }
        locks.flush();
        events.publish(new TaskReturned(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now,
                target.stepId(), last.agency, reason));
        held.dossier().currentStage = previous;
        routing.assign(task.dossierCode, previous, target.stepId(), last.agency, last.agencyName, last.dueAt,
                task.agency, now);
        return task;
    }

    /**
     * Moves a misrouted step to another agency (chuyển cơ quan có thẩm quyền): this task closes as
     * TRANSFERRED and the new agency's queue gets the step with the same due date. The new agency must be
     * a known, active agency of the catalogue (422 {@code unknown-agency} otherwise); without a name given,
     * the catalogue's name is the new task's.
     */
    @Transactional
    public AgencyTask transfer(UUID id, Caller caller, String toAgency, String toAgencyName, String reason) {
        TaskLocks.Held held = locks.hold(id, caller, false);
        return moveToAgency(held.task(), caller.user(), toAgency, toAgencyName, reason, held.now());
    }

    /**
     * A supervisor gives an open task to another agency (as a transfer) and/or to a named officer, who
     * then holds it (claimed). Supervisors act on every agency's tasks this way only.
     */
    @Transactional
    public AgencyTask reassign(UUID id, Caller supervisor, String toAgency, String toAgencyName, String officer,
                               String reason) {
        if (!supervisor.supervisor()) {
            throw TaskLocks.notFound(id);
        }
        if (toAgency == null && officer == null) {
            throw ProblemException.badRequest("reassign-target-required",
                    "Cần chỉ định cơ quan (agency) hoặc cán bộ (officer) nhận nhiệm vụ.");
        }
        TaskLocks.Held held = locks.lockOpen(id);
        AgencyTask task = held.task();
        OffsetDateTime now = held.now();
        if (toAgency != null && !toAgency.equals(task.agency)) {
            task = moveToAgency(task, supervisor.user(), toAgency, toAgencyName,
                    reason == null ? "Giám sát điều chuyển nhiệm vụ" : reason, now);
        }
        if (officer != null) {
            task.status = TaskStatus.CLAIMED;
            task.claimedBy = officer;
            task.claimedAt = now;
            if (task.assignedTo != null) {
                // The head had assigned it: the new officer is the assignee now, so their inbox lists it.
                task.assignedTo = officer;
            }
            locks.flush();
            events.publish(new TaskClaimed(task.dossierCode, task.id, task.stepId, task.agency, officer, now));
        }
        return task;
    }

    private AgencyTask moveToAgency(AgencyTask task, String user, String toAgency, String toAgencyName, String reason,
                                    OffsetDateTime now) {
        if (toAgency.equals(task.agency)) {
            throw ProblemException.badRequest("transfer-to-same-agency",
                    "Nhiệm vụ đã thuộc cơ quan " + toAgency + "; hãy chọn cơ quan khác.");
        }
        Agency target = catalog.agency(toAgency).orElse(null);
        if (target == null || !target.active) {
            throw ProblemException.unprocessable("unknown-agency", target == null
                    ? "Không có cơ quan " + toAgency + " trong danh mục cơ quan; hãy chọn cơ quan có thẩm quyền khác."
                    : "Cơ quan " + toAgency + " đã ngừng hoạt động; không thể chuyển nhiệm vụ đến cơ quan này.");
        }
        String name = toAgencyName == null ? target.name : toAgencyName;
        close(task, TaskStatus.TRANSFERRED, reason, now);
        locks.flush();
        events.publish(new TaskTransferred(task.dossierCode, task.id, task.stepId, task.agency, toAgency,
                name, user, now, reason));
        return routing.assign(task.dossierCode, task.stageIndex, task.stepId, toAgency, name, task.dueAt,
                task.agency, now);
    }

    private static PlanStep previousStep(PlanStage stage, String toStepId) {
        if (toStepId == null) {
            if (stage.steps().size() == 1) {
                return stage.steps().get(0);
            }
            throw ProblemException.badRequest("return-step-required", "Bước trước gồm nhiều bước song song;"
                    + " hãy chọn bước trả lại (toStepId): " + stage.steps().stream().map(PlanStep::stepId).toList());
        }
        return stage.steps().stream().filter(s -> s.stepId().equals(toStepId)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-step",
                        "Bước trước không có bước " + toStepId + "; các bước: "
                                + stage.steps().stream().map(PlanStep::stepId).toList()));
    }

    /** After a completed task: the next stage, the decision, or nothing while parallel tasks are open. */
    void advance(RoutedDossier dossier, AgencyTask completed, OffsetDateTime now) {
        RoutingPlan plan = RoutingPlan.fromJson(dossier.plan);
        List<AgencyTask> openInStage = openInStage(dossier.code, completed.stageIndex);
        if (completed.outcome == Outcome.REJECTED) {
            // A rejection ends the dossier: parallel tasks still open have nothing left to decide.
            openInStage.forEach(t -> close(t, TaskStatus.CANCELLED, "Hồ sơ bị từ chối ở bước " + completed.stepId, now));
            decide(dossier, plan, Outcome.REJECTED, completed.note, now);
        } else if (!openInStage.isEmpty()) {
            return;
        } else if (plan.isLastStage(completed.stageIndex)) {
            decide(dossier, plan, Outcome.APPROVED, completed.note, now);
        } else {
            routing.openStage(dossier, plan, completed.stageIndex + 1, completed.agency, now);
        }
    }

    private List<AgencyTask> openInStage(String code, int stage) {
        return em.createQuery("select t from AgencyTask t where t.dossierCode = :code"
                        + " and t.stageIndex = :stage and t.status in :open", AgencyTask.class)
                .setParameter("code", code)
                .setParameter("stage", stage)
                .setParameter("open", List.of(TaskStatus.ASSIGNED, TaskStatus.CLAIMED))
                .getResultList();
    }

    static void close(AgencyTask task, TaskStatus status, String reason, OffsetDateTime now) {
        task.status = status;
        task.closedAt = now;
        task.closeReason = reason;
    }

    private void decide(RoutedDossier dossier, RoutingPlan plan, Outcome outcome, String note, OffsetDateTime now) {
        dossier.status = DossierStatus.PROCESSED;
        dossier.outcome = outcome;
        dossier.decidedAt = now;
        dossier.note = note;
        // The law's verdict: by the lawful due date (pauses only); the extension gave a new appointment, not time.
        events.publish(new DossierProcessed(dossier.code, now, outcome, plan.snapshot().leadAgencyCode(), note,
                dossier.dueAt, !now.isAfter(dossier.lawfulDueAt), dossier.lawfulDueAt));
    }
}
