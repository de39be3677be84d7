package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.TaskClaimed;
import vn.motcua.shared.events.routing.TaskCompleted;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an agency officer does with a task: claim it (nhận xử lý) and complete it with a decision.
 * Completing the last open task of a stage hands the dossier to the next stage, or decides it.
 */
@ApplicationScoped
public class TaskActions {
    private final EntityManager em;
    private final RoutingEvents events;
    private final DossierRouting routing;

    public TaskActions(EntityManager em, RoutingEvents events, DossierRouting routing) {
        this.em = em;
        this.events = events;
        this.routing = routing;
    }

    /**
     * Takes an assigned task of the caller's agency. One conditional update decides between concurrent
     * claims: exactly one changes the row, the others find it claimed (409). Claiming a task one already
     * holds changes nothing.
     */
    @Transactional
    public AgencyTask claim(UUID id, Caller caller) {
        AgencyTask task = actionable(id, caller);
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM);
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
            throw notAvailable(task);
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
        AgencyTask task = actionable(id, caller);
        if (outcome == Outcome.REJECTED && (note == null || note.isBlank())) {
            throw ProblemException.badRequest("rejection-reason-required",
                    "Từ chối hồ sơ phải nêu rõ lý do (trường note).");
        }
        RoutedDossier dossier = em.find(RoutedDossier.class, task.dossierCode, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM);
        if (task.status == TaskStatus.ASSIGNED) {
            task.status = TaskStatus.CLAIMED;
            task.claimedBy = caller.user();
            task.claimedAt = now;
            events.publish(new TaskClaimed(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now));
        } else if (task.status != TaskStatus.CLAIMED || !caller.user().equals(task.claimedBy)) {
            throw notAvailable(task);
        }
        task.status = TaskStatus.COMPLETED;
        task.completedBy = caller.user();
        task.completedAt = now;
        task.outcome = outcome;
        task.note = note;
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("task-taken", "Nhiệm vụ vừa được cán bộ khác nhận xử lý.");
        }
        events.publish(new TaskCompleted(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now,
                outcome, note, null, !now.isAfter(task.dueAt)));
        advance(dossier, task, now);
        return task;
    }

    /** After a completed task: the next stage, the decision, or nothing while parallel tasks are open. */
    private void advance(RoutedDossier dossier, AgencyTask completed, OffsetDateTime now) {
        RoutingPlan plan = RoutingPlan.fromJson(dossier.plan);
        List<AgencyTask> openInStage = em.createQuery("select t from AgencyTask t where t.dossierCode = :code"
                        + " and t.stageIndex = :stage and t.status in :open", AgencyTask.class)
                .setParameter("code", dossier.code)
                .setParameter("stage", completed.stageIndex)
                .setParameter("open", List.of(TaskStatus.ASSIGNED, TaskStatus.CLAIMED))
                .getResultList();
        if (completed.outcome == Outcome.REJECTED) {
            // A rejection ends the dossier: parallel tasks still open have nothing left to decide.
            openInStage.forEach(t -> t.status = TaskStatus.CANCELLED);
            decide(dossier, plan, Outcome.REJECTED, completed.note, now);
        } else if (!openInStage.isEmpty()) {
            return;
        } else if (plan.isLastStage(completed.stageIndex)) {
            decide(dossier, plan, Outcome.APPROVED, completed.note, now);
        } else {
            routing.openStage(dossier, plan, completed.stageIndex + 1, completed.agency, now);
        }
    }

    private void decide(RoutedDossier dossier, RoutingPlan plan, Outcome outcome, String note, OffsetDateTime now) {
        dossier.status = DossierStatus.PROCESSED;
        dossier.outcome = outcome;
        dossier.decidedAt = now;
        events.publish(new DossierProcessed(dossier.code, now, outcome, plan.snapshot().leadAgencyCode(), note,
                dossier.dueAt, !now.isAfter(dossier.dueAt)));
    }

    /** The task, if the caller's agency holds it; anything else looks absent. */
    private AgencyTask actionable(UUID id, Caller caller) {
        AgencyTask task = em.find(AgencyTask.class, id);
        if (task == null || !caller.acts(task)) {
            throw TaskQueries.notFound(id);
        }
        return task;
    }

    private static ProblemException notAvailable(AgencyTask task) {
        return switch (task.status) {
            case COMPLETED -> ProblemException.conflict("task-completed", "Nhiệm vụ đã được xử lý xong.");
            case CANCELLED -> ProblemException.conflict("task-cancelled",
                    "Nhiệm vụ đã đóng vì hồ sơ đã kết thúc xử lý.");
            default -> ProblemException.conflict("task-claimed-by-other",
                    "Nhiệm vụ đang do cán bộ " + task.claimedBy + " xử lý.");
        };
    }
}
