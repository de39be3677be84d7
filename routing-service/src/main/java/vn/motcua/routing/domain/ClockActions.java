package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SupplementItem;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.DossierResumed;
import vn.motcua.shared.events.routing.FinancialObligationPaid;
import vn.motcua.shared.events.routing.FinancialObligationRequested;
import vn.motcua.shared.events.routing.PauseReason;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The deadline clock of a dossier (thời hạn giải quyết): paused while the applicant is asked for a
 * supplement (until intake reports it supplied) or for a payment (until an officer records it), the due
 * dates of the dossier, its open tasks and its later stages moved by the paused working time on resume;
 * the single extension with its apology (Form 04); and the stop of processing (national status 8).
 */
@ApplicationScoped
public class ClockActions {
    private static final Logger LOG = Logger.getLogger(ClockActions.class);
    private static final DateTimeFormatter VN_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    /** The title Form 04 and Form 05 are signed under when none is given (docs/LEGAL-BASIS.md). */
    public static final String HEAD_OF_AGENCY = "Thủ trưởng cơ quan";
    /**
     * What a stop rests on when the agency names nothing more specific: the decree on the one-stop mechanism, under
     * which Form 05 (Circular 03/2025/TT-VPCP) is issued (docs/LEGAL-BASIS.md).
     */
    public static final String STOP_LEGAL_BASIS = "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ"
            + " về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa"
            + " và Cổng Dịch vụ công quốc gia";

    private final EntityManager em;
    private final RoutingEvents events;
    private final TaskLocks locks;
    private final Deadlines deadlines;
    private final Supplements supplements;

    public ClockActions(EntityManager em, RoutingEvents events, TaskLocks locks, Deadlines deadlines,
                        Supplements supplements) {
        this.em = em;
        this.events = events;
        this.locks = locks;
        this.deadlines = deadlines;
        this.supplements = supplements;
    }

    /**
     * The officer holding a task asks the applicant for a supplement: the clock stops and
     * {@code DossierPaused(SUPPLEMENT_REQUESTED)} tells intake what to ask for and by when (Form 02). Once and in
     * full per step, only for the procedure's documents ({@link Supplements}), where the procedure allows it.
     */
    @Transactional
    public RoutedDossier requestSupplement(UUID taskId, Caller caller, List<SupplementItem> items, String note,
                                           LocalDate supplyBy) {
        TaskLocks.Held held = locks.hold(taskId, caller, false);
        RoutedDossier dossier = held.dossier();
        if (!dossier.suspensionAllowed) {
            throw ProblemException.conflict("suspension-not-allowed", "Thủ tục " + dossier.procedureCode
                    + " không cho phép tạm dừng giải quyết để yêu cầu bổ sung hồ sơ (theo danh mục thủ tục).");
        }
        LocalDate by = supplements.record(dossier, held.task(), caller.user(), items, supplyBy, held.now());
        pause(dossier, DossierStatus.SUPPLEMENT_REQUESTED, held);
        events.publish(new DossierPaused(dossier.code, held.now(), PauseReason.SUPPLEMENT_REQUESTED, dossier.dueAt,
                note, held.task().agency, caller.user(), items, by));
        return dossier;
    }

    /**
     * The officer holding a task records a fee or tax the applicant must pay: the clock stops until the
     * payment is recorded.
     */
    @Transactional
    public FinancialObligation requestObligation(UUID taskId, Caller caller, long amountVnd, String description,
                                                 LocalDate payBy) {
        TaskLocks.Held held = locks.hold(taskId, caller, false);
        LocalDate today = held.now().toLocalDate();
        if (payBy != null && (payBy.isBefore(today) || payBy.isAfter(today.plusYears(1)))) {
            throw ProblemException.badRequest("pay-by-out-of-range",
                    "Hạn nộp (payBy) phải từ hôm nay đến tối đa một năm sau.");
        }
        RoutedDossier dossier = held.dossier();
        pause(dossier, DossierStatus.FINANCIAL_OBLIGATION, held);
        FinancialObligation obligation = new FinancialObligation();
        obligation.id = UUID.randomUUID();
        obligation.dossierCode = dossier.code;
        obligation.taskId = held.task().id;
        obligation.agency = held.task().agency;
        obligation.amountVnd = amountVnd;
        obligation.description = description;
        obligation.payBy = payBy;
        obligation.requestedBy = caller.user();
        obligation.requestedAt = held.now();
        em.persist(obligation);
        events.publish(new FinancialObligationRequested(dossier.code, obligation.id, obligation.agency, amountVnd,
                description, held.now(), payBy));
        events.publish(new DossierPaused(dossier.code, held.now(), PauseReason.FINANCIAL_OBLIGATION, dossier.dueAt,
                description, obligation.agency, caller.user(), List.of()));
        return obligation;
    }

    /**
     * An officer of the agency that asked records the payment: the obligation is paid and the clock runs
     * again from now.
     */
    @Transactional
    public FinancialObligation recordPayment(UUID taskId, Caller caller, String paymentReference) {
        AgencyTask task = locks.actionable(taskId, caller);
        RoutedDossier dossier = em.find(RoutedDossier.class, task.dossierCode, LockModeType.PESSIMISTIC_WRITE);
        FinancialObligation obligation = em.createQuery("select o from FinancialObligation o"
                        + " where o.dossierCode = :code and o.paidAt is null", FinancialObligation.class)
                .setParameter("code", dossier.code)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.conflict("no-open-obligation",
                        "Hồ sơ không có nghĩa vụ tài chính nào đang chờ thực hiện."));
        if (!obligation.agency.equals(caller.agency())) {
            throw TaskLocks.notFound(taskId);
        }
        if (dossier.status != DossierStatus.FINANCIAL_OBLIGATION) {
            // Stopped or withdrawn while the payment was awaited: nothing is left to resume.
            throw ProblemException.conflict("dossier-ended", "Hồ sơ đã kết thúc xử lý; không ghi nhận thanh toán.");
        }
        OffsetDateTime now = locks.now();
        obligation.paidAt = now;
        obligation.paymentReference = paymentReference;
        obligation.recordedBy = caller.user();
        events.publish(new FinancialObligationPaid(dossier.code, obligation.id, obligation.amountVnd, now,
                paymentReference));
        resume(dossier, now);
        return obligation;
    }

    /**
     * Intake reports the supplement supplied: the clock runs again from the moment it was supplied, and
     * the dossier's and its steps' due dates move by the paused working time. A dossier that is not
     * waiting for a supplement (unknown here, or already resumed) is left as it is.
     */
    @Transactional
    public void supplied(DossierSupplementSupplied supplied) {
        RoutedDossier dossier = em.find(RoutedDossier.class, supplied.dossierCode(), LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || dossier.status != DossierStatus.SUPPLEMENT_REQUESTED) {
            LOG.warnf("supplement supplied for %s, which is not waiting for one; ignored", supplied.dossierCode());
            return;
        }
        OffsetDateTime at = supplied.suppliedAt().isBefore(dossier.pausedAt) ? dossier.pausedAt : supplied.suppliedAt();
        resume(dossier, at);
    }

    /**
     * Intake recorded the applicant's withdrawal (công dân xin rút): nothing is left to decide, so every
     * open task closes and the clock stops.
     *
     * <p><b>A withdrawal is final, also over a decision made here meanwhile</b> (docs/ORDERING.md): intake accepts
     * a withdrawal only while it has seen no end of processing, so a {@code withdrawn} that finds the dossier
     * PROCESSED or STOPPED here means the decision raced it and intake had not seen it; intake has skipped that
     * decision, result keeps the withdrawal too, and so does routing. Only an unknown or already withdrawn dossier
     * is left as it is.
     */
    @Transactional
    public void withdrawn(DossierWithdrawn withdrawn) {
        RoutedDossier dossier = em.find(RoutedDossier.class, withdrawn.dossierCode(), LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || dossier.status == DossierStatus.WITHDRAWN) {
            LOG.warnf("withdrawal of %s, which is unknown or already withdrawn here; ignored", withdrawn.dossierCode());
            return;
        }
        String reason = "Công dân xin rút hồ sơ" + (withdrawn.reason() == null ? "" : ": " + withdrawn.reason());
        if (dossier.status.ended()) {
            LOG.infof("withdrawal of %s overrides its %s, which raced it: intake accepted the withdrawal first",
                    dossier.code, dossier.status);
        } else {
            dossier.decidedAt = withdrawn.withdrawnAt();
        }
        openTasks(dossier.code).forEach(t -> TaskActions.close(t, TaskStatus.CANCELLED, reason, withdrawn.withdrawnAt()));
        dossier.status = DossierStatus.WITHDRAWN;
        dossier.pausedAt = null;
        dossier.pausedByAgency = null;
        dossier.note = reason;
    }

    /**
     * Stops processing for good (dừng xử lý) with the reason the notice states: every open task closes,
     * a paused clock stays stopped, and {@code DossierProcessingStopped} goes out.
     */
    @Transactional
    public RoutedDossier stop(UUID taskId, Caller caller, String reason, String documentNumber, String legalBasis) {
        TaskLocks.Held held = locks.hold(taskId, caller, true);
        RoutedDossier dossier = held.dossier();
        OffsetDateTime now = held.now();
        List<AgencyTask> open = openTasks(dossier.code);
        open.forEach(t -> TaskActions.close(t, TaskStatus.CANCELLED, "Dừng xử lý hồ sơ: " + reason, now));
        locks.flush();
        dossier.status = DossierStatus.STOPPED;
        dossier.stoppedAt = now;
        dossier.stoppedBy = caller.user();
        dossier.stopAgency = held.task().agency;
        dossier.stopReason = reason;
        dossier.stopRef = documentNumber == null ? "05/" + dossier.code : documentNumber;
        dossier.stopLegalBasis = legalBasis == null ? STOP_LEGAL_BASIS : legalBasis;
        events.publish(new DossierProcessingStopped(dossier.code, dossier.stopAgency, caller.user(), now, reason));
        return dossier;
    }

    /** Who ended a dossier whose supply-by date lapsed: routing itself, by the procedure's rule. */
    public static final String LAPSE_ACTOR = "routing-service";
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * The applicant let the supply-by date of the request that paused the dossier (made at {@code requestedAt}) pass:
     * the procedure's rule applies (issue 20, item 4; docs/LEGAL-BASIS.md). {@code RETURN} and {@code STOP} end the
     * dossier as a stop does (open tasks closed, national status 8), with a reason saying which and why, and
     * {@code DossierProcessingStopped} carries the rule so the citizen's page and message say it; {@code WAIT} leaves
     * it paused for an officer. In the sweep's transaction, under the dossier's row lock: a supplement supplied, a
     * withdrawal or an officer's stop that won the lock first leaves nothing to do. Returns whether it ended the dossier.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lapse(String code, OffsetDateTime requestedAt, LocalDate supplyBy, OffsetDateTime now) {
        RoutedDossier dossier = em.find(RoutedDossier.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || dossier.status != DossierStatus.SUPPLEMENT_REQUESTED || dossier.pausedAt == null
                || !dossier.pausedAt.isEqual(requestedAt) || dossier.supplementLapse == SupplementLapse.WAIT) {
            return false;
        }
        String lapsed = "Quá hạn bổ sung hồ sơ (hạn " + VN_DATE.format(supplyBy) + ") mà chưa nhận được hồ sơ bổ sung";
        String reason = dossier.supplementLapse == SupplementLapse.RETURN
                ? lapsed + "; hồ sơ được trả lại cho người nộp theo quy định của thủ tục."
                : lapsed + "; dừng giải quyết hồ sơ theo quy định của thủ tục.";
        String agency = dossier.pausedByAgency;
        openTasks(code).forEach(t -> TaskActions.close(t, TaskStatus.CANCELLED, reason, now));
        dossier.status = DossierStatus.STOPPED;
        dossier.stoppedAt = now;
        dossier.stoppedBy = LAPSE_ACTOR;
        dossier.stopAgency = agency;
        dossier.stopReason = reason;
        dossier.stopRef = "05/" + code;
        dossier.stopLegalBasis = STOP_LEGAL_BASIS;
        dossier.note = reason;
        events.publish(new DossierProcessingStopped(code, agency, LAPSE_ACTOR, now, reason, dossier.supplementLapse));
        return true;
    }

    /**
     * The single new appointment (gia hạn) with the apology of the agency at fault (Form 04): an officer
     * of an agency holding an open task of the dossier sets a later due date with a reason. A second
     * extension answers 409, as does one while the clock is paused or after the dossier ended.
     *
     * <p><b>The agency at fault</b> is an agency holding an open task of the dossier: the step running (or
     * overdue) is in its hands, so the lateness would be its own (in a parallel stage, each agency with an open
     * step). An agency that no longer holds the dossier answers 409, one that never did 404; a supervisor
     * may not extend on an agency's behalf (the endpoint is for agency officers only: 403). <b>In time</b>:
     * at least one working day before the lawful due date, else 409 {@code extension-too-late}; the deadline
     * warning comes two working days ahead by default, so the agency is told while it can still extend.
     */
    @Transactional
    public RoutedDossier extend(String code, Caller caller, OffsetDateTime newDueAt, String reason, String apologyRef,
                                String signedBy, String signerTitle) {
        RoutedDossier dossier = em.find(RoutedDossier.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || caller.agency() == null) {
            throw DossierQueries.notFound(code);
        }
        List<AgencyTask> tasks = em.createQuery("select t from AgencyTask t where t.dossierCode = :code"
                        + " and t.agency = :agency order by t.assignedAt desc", AgencyTask.class)
                .setParameter("code", code)
                .setParameter("agency", caller.agency())
                .getResultList();
        if (tasks.isEmpty()) {
            throw DossierQueries.notFound(code);
        }
        if (dossier.extendedAt != null) {
            throw ProblemException.conflict("extension-already-granted",
                    "Hồ sơ đã được hẹn lại ngày trả kết quả một lần; không được gia hạn lần thứ hai.");
        }
        if (dossier.status.ended()) {
            throw ProblemException.conflict("dossier-ended", "Hồ sơ đã kết thúc xử lý.");
        }
        if (dossier.status.paused()) {
            throw TaskLocks.paused(dossier);
        }
        if (!dossier.extensionAllowed) {
            throw ProblemException.conflict("extension-not-allowed", "Thủ tục " + dossier.procedureCode
                    + " không cho phép gia hạn thời gian giải quyết (theo danh mục thủ tục).");
        }
        AgencyTask atFault = tasks.stream().filter(t -> t.status.open()).findFirst()
                .orElseThrow(() -> ProblemException.conflict("not-holding-dossier",
                        "Cơ quan " + caller.agency() + " không còn giữ hồ sơ này; chỉ cơ quan đang xử lý mới hẹn lại."));
        if (!deadlines.extensionStillInTime(locks.now(), dossier.lawfulDueAt)) {
            throw ProblemException.conflict("extension-too-late", "Chỉ được xin lỗi và hẹn lại ngày trả kết quả chậm nhất"
                    + " một ngày làm việc trước hạn giải quyết theo quy định (" + VN_TIME.format(vn(dossier.lawfulDueAt))
                    + "); nay đã quá thời điểm đó nên không thể gia hạn.");
        }
        if (!newDueAt.isAfter(dossier.dueAt)) {
            throw ProblemException.badRequest("extension-not-later",
                    "Ngày hẹn mới phải sau ngày hẹn hiện tại (" + dossier.dueAt.withOffsetSameInstant(
                            vn.motcua.shared.events.EventJson.VIETNAM) + ").");
        }
        OffsetDateTime latest = deadlines.latestExtension(dossier.dueAt, dossier.receivedAt, dossier.statutoryDueAt);
        if (newDueAt.isAfter(latest)) {
            // Checked before any calendar arithmetic on the new date: one past 2099 is outside the calendar.
            throw ProblemException.badRequest("extension-too-far", "Ngày hẹn mới không được muộn hơn "
                    + VN_TIME.format(vn(latest)) + " (gia hạn tối đa bằng thời hạn"
                    + " giải quyết của thủ tục, hoặc " + deadlines.extensionWorkingDays() + " ngày làm việc).");
        }
        OffsetDateTime now = locks.now();
        OffsetDateTime previous = dossier.dueAt;
        dossier.extendedAt = now;
        dossier.extensionAgency = caller.agency();
        dossier.extensionBy = caller.user();
        dossier.extensionReason = reason;
        dossier.extensionPreviousDueAt = previous;
        dossier.apologyRef = apologyRef == null || apologyRef.isBlank() ? "04/" + code : apologyRef;
        dossier.apologySignedBy = signedBy;
        dossier.apologySignerTitle = signerTitle == null ? HEAD_OF_AGENCY : signerTitle;
        moveDue(dossier, newDueAt);
        events.publish(new DossierExtensionGranted(code, now, caller.agency(), atFault.agencyName, reason, previous,
                dossier.dueAt, dossier.apologyRef, signedBy, dossier.lawfulDueAt));
        return dossier;
    }

    private static OffsetDateTime vn(OffsetDateTime time) {
        return time.withOffsetSameInstant(vn.motcua.shared.events.EventJson.VIETNAM);
    }

    private List<AgencyTask> openTasks(String code) {
        return em.createQuery("select t from AgencyTask t where t.dossierCode = :code and t.status in :open",
                        AgencyTask.class)
                .setParameter("code", code)
                .setParameter("open", List.of(TaskStatus.ASSIGNED, TaskStatus.CLAIMED))
                .getResultList();
    }

    private void pause(RoutedDossier dossier, DossierStatus why, TaskLocks.Held held) {
        dossier.status = why;
        dossier.pausedAt = held.now();
        dossier.pausedByAgency = held.task().agency;
    }

    /**
     * Runs the clock again at {@code at}: the paused working time moves the dossier's due date, its open
     * tasks' due dates and its later stages' due dates, and the warning marks of what moved start over.
     */
    private void resume(RoutedDossier dossier, OffsetDateTime at) {
        OffsetDateTime pausedAt = dossier.pausedAt;
        OffsetDateTime previous = dossier.dueAt;
        Duration paused = deadlines.workingTimeBetween(pausedAt, at);
        dossier.status = DossierStatus.IN_PROGRESS;
        dossier.pausedAt = null;
        dossier.pausedByAgency = null;
        if (!paused.isZero()) {
            dossier.lawfulDueAt = deadlines.shift(dossier.lawfulDueAt, paused);
            moveDue(dossier, deadlines.shift(previous, paused));
            List<AgencyTask> open = openTasks(dossier.code);
            for (AgencyTask task : open) {
                task.dueAt = deadlines.shift(task.dueAt, paused);
                task.warnAt = deadlines.warnAt(task.dueAt);
            }
            dossier.plan = RoutingPlan.fromJson(dossier.plan)
                    .shifted(dossier.currentStage, due -> deadlines.shift(due, paused)).toJson();
            em.flush();
            em.createNativeQuery("update agency_task set warned_at = null, overdue_at = null"
                            + " where dossier_code = ?1 and status in ('ASSIGNED', 'CLAIMED')")
                    .setParameter(1, dossier.code).executeUpdate();
        }
        events.publish(new DossierResumed(dossier.code, at, pausedAt, previous, dossier.dueAt, dossier.lawfulDueAt));
    }

    /** A new due date for the dossier: a new warning time, and the sweep's marks start over. */
    private void moveDue(RoutedDossier dossier, OffsetDateTime due) {
        dossier.dueAt = due;
        dossier.warnAt = deadlines.warnAt(due);
        em.flush();
        em.createNativeQuery("update routed_dossier set warned_at = null, overdue_at = null where code = ?1")
                .setParameter(1, dossier.code).executeUpdate();
    }
}
