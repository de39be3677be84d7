package vn.motcua.routing.domain;

import vn.motcua.shared.events.routing.SignatureMark;
import vn.motcua.shared.events.routing.DelegationScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.StepFlow;
import vn.motcua.shared.events.routing.TaskCompleted;
import vn.motcua.shared.events.routing.TaskDrafted;
import vn.motcua.shared.events.routing.TaskOfficerAssigned;
import vn.motcua.shared.events.routing.TaskReviewed;
import vn.motcua.shared.events.routing.TaskSigned;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Work inside an agency (issue 24): the head assigns a task to an officer; on a draft-review-sign step the
 * officer holding it drafts the result, another officer of the agency reviews it (passes it on or sends it
 * back with a reason) and the head signs it, or a delegate signs on the head's behalf during a delegation,
 * under the delegation's mark (KT., TL. or TUQ.); the signature issues the agency's document number of the year
 * and completes the step. Every action locks the dossier's row first, like the other step actions, so racing
 * actions have one winner.
 */
@ApplicationScoped
public class AgencyWork {

    private final EntityManager em;
    private final RoutingEvents events;
    private final TaskLocks locks;
    private final TaskActions actions;
    private final Delegations delegations;

    public AgencyWork(EntityManager em, RoutingEvents events, TaskLocks locks, TaskActions actions,
                      Delegations delegations) {
        this.em = em;
        this.events = events;
        this.locks = locks;
        this.actions = actions;
        this.delegations = delegations;
    }

    /**
     * Gives an open task to a named officer, who holds it from then on (claimed), so that another officer's
     * actions on it answer 409. The head of the task's agency assigns, or a delegate with an ASSIGN delegation
     * in force today; another agency's task looks absent (404). Assigning to the officer who holds it already
     * changes nothing.
     */
    @Transactional
    public AgencyTask assign(UUID id, Caller caller, String officer) {
        locks.actionable(id, caller);
        String onBehalfOf = authority(caller, DelegationScope.ASSIGN).onBehalfOf();
        TaskLocks.Held held = locks.lockOpen(id);
        AgencyTask task = held.task();
        if (officer.equals(task.claimedBy) && officer.equals(task.assignedTo)) {
            return task;
        }
        giveTo(task, officer, caller, onBehalfOf, held.now(), "Giao cho " + officer);
        locks.flush();
        return task;
    }

    /** The officer holds the task from now on; the activity and the event say who gave it, for whom, from whom. */
    private void giveTo(AgencyTask task, String officer, Caller caller, String onBehalfOf, OffsetDateTime now,
                        String note) {
        String previous = task.claimedBy;
        task.status = TaskStatus.CLAIMED;
        task.claimedBy = officer;
        task.claimedAt = now;
        task.assignedTo = officer;
        task.assignedBy = caller.user();
        task.officerAssignedAt = now;
        em.persist(TaskActivity.of(task, TaskActivity.Action.ASSIGNED, caller.user(), onBehalfOf, now, note));
        events.publish(new TaskOfficerAssigned(task.dossierCode, task.id, task.stepId, task.agency, officer, previous,
                caller.user(), onBehalfOf, now));
    }

    /**
     * The officer holding a draft-review-sign step drafts its result (claiming an unclaimed task, as the other
     * actions do) and sends it for review. A plain step answers 409 (complete it); a draft already with the
     * reviewer or the head answers 409; a rejection needs its reason.
     */
    @Transactional
    public AgencyTask draft(UUID id, Caller caller, Outcome outcome, String note) {
        if (outcome == Outcome.REJECTED && note == null) {
            throw ProblemException.badRequest("rejection-reason-required",
                    "Dự thảo từ chối phải nêu rõ lý do (trường note).");
        }
        TaskLocks.Held held = locks.hold(id, caller, false);
        AgencyTask task = held.task();
        requireSigned(held);
        if (task.phase == TaskPhase.IN_REVIEW || task.phase == TaskPhase.AWAITING_SIGNATURE) {
            throw ProblemException.conflict("draft-submitted", task.phase == TaskPhase.IN_REVIEW
                    ? "Dự thảo đang chờ thẩm định; chỉ sửa được khi người thẩm định trả lại."
                    : "Dự thảo đã được thẩm định, đang chờ lãnh đạo ký.");
        }
        OffsetDateTime now = held.now();
        task.phase = TaskPhase.IN_REVIEW;
        task.draftOutcome = outcome;
        task.draftNote = note;
        task.draftedBy = caller.user();
        task.draftedAt = now;
        locks.flush();
        em.persist(TaskActivity.of(task, TaskActivity.Action.DRAFTED, caller.user(), null, now, note));
        events.publish(new TaskDrafted(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now,
                outcome, note));
        return task;
    }

    /**
     * A reviewer of the agency checks the draft: passes it to the head for signature, or sends it back to the
     * drafter with a reason. The drafter does not review their own draft (403); only a draft waiting for
     * review can be reviewed (409).
     */
    @Transactional
    public AgencyTask review(UUID id, Caller caller, boolean passed, String reason) {
        if (!passed && reason == null) {
            throw ProblemException.badRequest("send-back-reason-required",
                    "Trả lại dự thảo phải nêu rõ lý do (trường reason).");
        }
        locks.actionable(id, caller);
        TaskLocks.Held held = lockSignedStep(id);
        AgencyTask task = held.task();
        if (task.phase != TaskPhase.IN_REVIEW) {
            throw ProblemException.conflict("not-in-review", task.phase == TaskPhase.AWAITING_SIGNATURE
                    ? "Dự thảo đã được thẩm định, đang chờ lãnh đạo ký."
                    : "Nhiệm vụ chưa có dự thảo chờ thẩm định.");
        }
        if (caller.user().equals(task.draftedBy)) {
            throw forbidden("reviewer-is-drafter", "Người dự thảo không tự thẩm định dự thảo của mình.");
        }
        OffsetDateTime now = held.now();
        task.phase = passed ? TaskPhase.AWAITING_SIGNATURE : TaskPhase.DRAFTING;
        task.reviewedBy = caller.user();
        task.reviewedAt = now;
        task.sentBackReason = passed ? null : reason;
        locks.flush();
        em.persist(TaskActivity.of(task, passed ? TaskActivity.Action.REVIEWED : TaskActivity.Action.SENT_BACK,
                caller.user(), null, now, reason));
        events.publish(new TaskReviewed(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now,
                passed, reason));
        return task;
    }

    /**
     * The head signs the reviewed draft, or a delegate with a SIGN delegation in force today signs for the head
     * under the delegation's mark (KT., TL., TUQ.; anyone else: 403). The document gets the agency's next number of the year and today's date;
     * the step completes with the drafted outcome and the dossier moves on, as a completion does.
     */
    @Transactional
    public AgencyTask sign(UUID id, Caller caller) {
        locks.actionable(id, caller);
        Authority authority = authority(caller, DelegationScope.SIGN);
        String onBehalfOf = authority.onBehalfOf();
        TaskLocks.Held held = lockSignedStep(id);
        AgencyTask task = held.task();
        if (task.phase != TaskPhase.AWAITING_SIGNATURE) {
            throw ProblemException.conflict("not-awaiting-signature", task.phase == TaskPhase.IN_REVIEW
                    ? "Dự thảo chưa được thẩm định; chưa thể ký."
                    : "Nhiệm vụ chưa có dự thảo đã thẩm định để ký.");
        }
        OffsetDateTime now = held.now();
        LocalDate date = now.atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
        String number = nextNumber(task.agency, date.getYear()) + "/" + date.getYear() + "/" + task.agency;
        task.phase = null;
        task.signedBy = caller.user();
        task.signedFor = onBehalfOf;
        task.signedAs = authority.mark();
        task.signedAt = now;
        task.documentNumber = number;
        task.documentDate = date;
        task.status = TaskStatus.COMPLETED;
        task.completedBy = caller.user();
        task.completedAt = now;
        task.outcome = task.draftOutcome;
        task.note = task.draftNote;
        locks.flush();
        TaskActivity signedLine = TaskActivity.of(task, TaskActivity.Action.SIGNED, caller.user(), onBehalfOf, now,
                "Văn bản số " + number);
        signedLine.signAs = authority.mark();
        em.persist(signedLine);
        String signature = authority.mark() == null ? null : authority.mark().mark();
        events.publish(new TaskSigned(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), onBehalfOf,
                signature, number, date, task.outcome, now));
        Map<String, String> result = new LinkedHashMap<>();
        result.put("documentNumber", number);
        result.put("documentDate", date.toString());
        result.put("signedBy", caller.user());
        if (onBehalfOf != null) {
            result.put("signature", signature);
            result.put("onBehalfOf", onBehalfOf);
        }
        events.publish(new TaskCompleted(task.dossierCode, task.id, task.stepId, task.agency, caller.user(), now,
                task.outcome, task.note, result, !now.isAfter(task.dueAt)));
        actions.advance(held.dossier(), task, now);
        return task;
    }

    /** What a bulk reassignment did: the tasks given from the absent officer to the other one. */
    public record Reassigned(String from, String to, List<UUID> taskIds) {
    }

    /**
     * An officer is absent: every open task of the caller's agency that they hold goes to another officer, in
     * one transaction (the head, or an ASSIGN delegate). Dossiers are locked in code order, so two bulk
     * reassignments never deadlock; a task closed or taken over meanwhile is left as it is. Each task gets its
     * {@code TaskOfficerAssigned} with the absent officer as {@code previousOfficer}.
     */
    @Transactional
    public Reassigned reassignAll(Caller caller, String from, String to) {
        if (from.equals(to)) {
            throw ProblemException.badRequest("reassign-to-same-officer",
                    "Cán bộ nhận phải khác cán bộ vắng mặt.");
        }
        String onBehalfOf = authority(caller, DelegationScope.ASSIGN).onBehalfOf();
        List<AgencyTask> held = em.createQuery("select t from AgencyTask t where t.agency = :agency"
                        + " and t.claimedBy = :from and t.status in :open order by t.dossierCode, t.id", AgencyTask.class)
                .setParameter("agency", caller.agency())
                .setParameter("from", from)
                .setParameter("open", List.of(TaskStatus.ASSIGNED, TaskStatus.CLAIMED))
                .getResultList();
        OffsetDateTime now = locks.now();
        List<UUID> moved = new java.util.ArrayList<>();
        for (AgencyTask task : held) {
            em.find(RoutedDossier.class, task.dossierCode, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            em.refresh(task);
            if (!task.status.open() || !from.equals(task.claimedBy)) {
                continue;
            }
            giveTo(task, to, caller, onBehalfOf, now, "Giao lại cho " + to + " (cán bộ " + from + " vắng mặt)");
            moved.add(task.id);
        }
        locks.flush();
        return new Reassigned(from, to, moved);
    }

    /** The activities inside the agencies of the dossier's tasks, in order (the control sheet's detail). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskActivity> activities(String dossierCode) {
        return em.createQuery("select a from TaskActivity a where a.dossierCode = :code order by a.at, a.id",
                        TaskActivity.class)
                .setParameter("code", dossierCode).getResultList();
    }

    /** One officer's load: open tasks they hold, of those overdue, waiting for review and for signature. */
    public record Load(String officer, long open, long overdue, long inReview, long awaitingSignature) {
    }

    /** The head's view of the agency's open tasks per holder (one query), and how many nobody holds yet. */
    public record Workload(List<Load> officers, long unassigned) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Workload workload(Caller caller) {
        if (!caller.lead()) {
            throw forbidden("forbidden", "Chỉ lãnh đạo cơ quan xem khối lượng công việc của cán bộ.");
        }
        List<Object[]> rows = em.createQuery("select t.claimedBy, count(t),"
                        + " sum(case when t.dueAt <= :now then 1 else 0 end),"
                        + " sum(case when t.phase = :review then 1 else 0 end),"
                        + " sum(case when t.phase = :sign then 1 else 0 end)"
                        + " from AgencyTask t where t.agency = :agency and t.status in :open"
                        + " group by t.claimedBy order by t.claimedBy nulls first", Object[].class)
                .setParameter("now", locks.now())
                .setParameter("review", TaskPhase.IN_REVIEW)
                .setParameter("sign", TaskPhase.AWAITING_SIGNATURE)
                .setParameter("agency", caller.agency())
                .setParameter("open", List.of(TaskStatus.ASSIGNED, TaskStatus.CLAIMED))
                .getResultList();
        long unassigned = 0;
        List<Load> loads = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            if (row[0] == null) {
                unassigned = ((Number) row[1]).longValue();
            } else {
                loads.add(new Load((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue(), ((Number) row[4]).longValue()));
            }
        }
        return new Workload(loads, unassigned);
    }

    /**
     * Whether the caller may act with the head's authority: the head (null: in their own name), or a delegate
     * of the scope in force today (the head's name, to sign or assign on their behalf); anyone else 403.
     */
    /** Whose authority the caller acts under: their own (the head), or a head's through a delegation and its mark. */
    private record Authority(String onBehalfOf, SignatureMark mark) {
        static final Authority OWN = new Authority(null, null);
    }

    private Authority authority(Caller caller, DelegationScope scope) {
        if (caller.lead()) {
            return Authority.OWN;
        }
        LocalDate today = locks.now().atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
        return delegations.inForce(caller.agency(), caller.user(), scope, today)
                .map(d -> new Authority(d.delegator, scope == DelegationScope.SIGN
                        ? (d.signAs == null ? SignatureMark.KT : d.signAs) : null))
                .orElseThrow(() -> forbidden(scope == DelegationScope.SIGN ? "no-signing-authority"
                                : "no-assigning-authority", scope == DelegationScope.SIGN
                                ? "Chỉ lãnh đạo cơ quan, hoặc người được ủy quyền ký trong thời hạn ủy quyền, được ký."
                                : "Chỉ lãnh đạo cơ quan, hoặc người được ủy quyền phân công trong thời hạn ủy quyền, được phân công."));
    }

    /**
     * Review and signature act on a task someone else holds: the dossier locked, not paused, the step a
     * draft-review-sign step.
     */
    private TaskLocks.Held lockSignedStep(UUID id) {
        TaskLocks.Held held = locks.lockOpen(id);
        if (held.dossier().status.paused()) {
            throw TaskLocks.paused(held.dossier());
        }
        requireSigned(held);
        return held;
    }

    /** The step must be a draft-review-sign step (its plan's flow); a plain step answers 409. */
    private static void requireSigned(TaskLocks.Held held) {
        if (flowOf(held.dossier(), held.task()) != StepFlow.DRAFT_REVIEW_SIGN) {
            throw ProblemException.conflict("plain-step", "Bước này không có quy trình dự thảo – thẩm định – ký;"
                    + " cán bộ xử lý hoàn thành trực tiếp (complete).");
        }
    }

    /** The flow of the task's step in the dossier's plan, plain when the plan does not say. */
    static StepFlow flowOf(RoutedDossier dossier, AgencyTask task) {
        RoutingPlan plan = RoutingPlan.fromJson(dossier.plan);
        return plan.stage(task.stageIndex).steps().stream().filter(s -> s.stepId().equals(task.stepId))
                .findFirst().map(PlanStep::flowOrPlain).orElse(StepFlow.PLAIN);
    }

    /** The agency's next document number of the year: one upsert, serialised on the (agency, year) row. */
    private int nextNumber(String agency, int year) {
        return ((Number) em.createNativeQuery("insert into document_number (agency, year, last_number)"
                        + " values (:agency, :year, 1) on conflict (agency, year)"
                        + " do update set last_number = document_number.last_number + 1 returning last_number")
                .setParameter("agency", agency)
                .setParameter("year", year)
                .getSingleResult()).intValue();
    }

    static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "Không có quyền thực hiện", 403, detail));
    }
}
