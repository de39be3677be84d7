package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.routing.TaskClaimed;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * How every action on a task begins: the task must belong to the caller's agency (anything else looks
 * absent, 404), the dossier's row is locked so that actions on one dossier run one at a time, and the
 * caller must hold the task; an unclaimed task is claimed on the way (as completing does), a task held
 * by someone else answers 409.
 */
@ApplicationScoped
public class TaskLocks {
    private final EntityManager em;
    private final RoutingEvents events;
    private final Deadlines deadlines;

    public TaskLocks(EntityManager em, RoutingEvents events, Deadlines deadlines) {
        this.em = em;
        this.events = events;
        this.deadlines = deadlines;
    }

    /** A task held by the acting officer, its dossier locked, and the time of the action. */
    public record Held(AgencyTask task, RoutedDossier dossier, OffsetDateTime now) {
    }

    public OffsetDateTime now() {
        return deadlines.now();
    }

    /** The task, if the caller's agency holds it; anything else looks absent. */
    AgencyTask actionable(UUID id, Caller caller) {
        AgencyTask task = em.find(AgencyTask.class, id);
        if (task == null || !caller.acts(task)) {
            throw notFound(id);
        }
        return task;
    }

    /**
     * Locks the task's dossier and makes the caller hold the task. A paused clock refuses the step's
     * actions (409) unless {@code whilePaused}: nothing is decided while the applicant is asked for
     * something.
     */
    Held hold(UUID id, Caller caller, boolean whilePaused) {
        actionable(id, caller);
        Held held = lockOpen(id);
        AgencyTask task = held.task();
        if (held.dossier().status.paused() && !whilePaused) {
            throw paused(held.dossier());
        }
        if (task.status == TaskStatus.ASSIGNED) {
            task.status = TaskStatus.CLAIMED;
            task.claimedBy = caller.user();
            task.claimedAt = held.now();
            events.publish(new TaskClaimed(task.dossierCode, task.id, task.stepId, task.agency, caller.user(),
                    held.now()));
        } else if (!caller.user().equals(task.claimedBy)) {
            throw notAvailable(task);
        }
        return held;
    }

    /** Locks the task's dossier and reads the task again under that lock; a closed task answers 409. */
    Held lockOpen(UUID id) {
        AgencyTask task = em.find(AgencyTask.class, id);
        if (task == null) {
            throw notFound(id);
        }
        RoutedDossier dossier = em.find(RoutedDossier.class, task.dossierCode, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(task);
        if (!task.status.open()) {
            throw notAvailable(task);
        }
        return new Held(task, dossier, deadlines.now());
    }

    /** Writes the changes now, so that a concurrent claim by someone else (the task's version) answers 409. */
    void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("task-taken", "Nhiệm vụ vừa được cán bộ khác nhận xử lý.");
        }
    }

    static ProblemException paused(RoutedDossier dossier) {
        return dossier.status == DossierStatus.SUPPLEMENT_REQUESTED
                ? ProblemException.conflict("dossier-paused",
                        "Hồ sơ đang chờ công dân bổ sung; thời hạn giải quyết đang tạm dừng.")
                : ProblemException.conflict("dossier-paused",
                        "Hồ sơ đang chờ công dân thực hiện nghĩa vụ tài chính; thời hạn giải quyết đang tạm dừng.");
    }

    static ProblemException notFound(Object id) {
        return ProblemException.notFound("Không có nhiệm vụ " + id + ".");
    }

    static ProblemException notAvailable(AgencyTask task) {
        return switch (task.status) {
            case COMPLETED -> ProblemException.conflict("task-completed", "Nhiệm vụ đã được xử lý xong.");
            case RETURNED -> ProblemException.conflict("task-returned", "Nhiệm vụ đã được trả lại bước trước.");
            case TRANSFERRED -> ProblemException.conflict("task-transferred",
                    "Nhiệm vụ đã được chuyển sang cơ quan khác.");
            case CANCELLED -> ProblemException.conflict("task-cancelled",
                    "Nhiệm vụ đã đóng: " + (task.closeReason == null ? "hồ sơ đã kết thúc xử lý." : task.closeReason));
            default -> ProblemException.conflict("task-claimed-by-other",
                    "Nhiệm vụ đang do cán bộ " + task.claimedBy + " xử lý.");
        };
    }
}
