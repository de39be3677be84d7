package vn.motcua.result.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventType;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SupplementItem;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.DossierResumed;
import vn.motcua.shared.events.routing.FinancialObligationPaid;
import vn.motcua.shared.events.routing.FinancialObligationRequested;
import vn.motcua.shared.events.routing.PauseReason;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.shared.events.routing.TaskCompleted;
import vn.motcua.shared.events.routing.TaskReturned;
import vn.motcua.shared.events.routing.TaskTransferred;
import vn.motcua.shared.events.routing.TaskDrafted;
import vn.motcua.shared.events.routing.TaskReviewed;
import vn.motcua.shared.events.routing.SignatureMark;
import vn.motcua.shared.events.routing.TaskSigned;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds the citizen status read model, the Form 06 log book and the pause history from events alone (no
 * reads of other services' tables), so it can be rebuilt by replaying the topics from the start.
 *
 * <p><b>Events from different topics may arrive out of order</b> (a routing event before intake's
 * {@code received}). We create a <em>partial row</em> rather than buffering: the early event sets the
 * status and adds its timeline entry at once, and {@code received} later fills in what only it carries
 * (procedure, appointment, PIN). Buffering would need a second store, a trigger to drain it and a rule
 * for events whose {@code received} never comes; the partial row needs none, and a partial row cannot be
 * looked up (no PIN yet), so nothing half-built is ever shown.
 *
 * <p>Each effect is <b>order-independent and repeatable</b>, also without the inbox (a replay, or the return
 * command applying its own event before it comes back from Kafka): the current status is that of the event
 * with the latest business time (ties go to the state further along the dossier's life); the appointment
 * and the paused flag likewise keep the value of their latest event; facts that only one event sets
 * ({@code processed_at}, {@code returned_at}, ...) are written whatever the order; timeline rows are unique
 * by event id.
 *
 * <p>Rows are locked per dossier ({@link StatusRows}: a batch's rows in one {@code select ... for update}, a missing
 * one created with an insert-if-absent), so the three topic consumers serialise on one dossier without colliding on
 * its creation.
 */
@ApplicationScoped
public class StatusProjection {
    private static final Logger LOG = Logger.getLogger(StatusProjection.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int NOTE_LENGTH = 1000;

    private final EntityManager em;
    private final PinHasher pins;
    private final AgencyNames agencyNames;
    private final StatusRows rows;

    public StatusProjection(EntityManager em, PinHasher pins, AgencyNames agencyNames, StatusRows rows) {
        this.em = em;
        this.pins = pins;
        this.agencyNames = agencyNames;
        this.rows = rows;
    }

    /**
     * Reads and locks the rows of a consumer's batch in one statement before its events are applied (an event's
     * subject is its dossier's code; a catalogue event's code matches no row and costs nothing).
     */
    public void prefetch(List<CloudEvent<JsonNode>> events) {
        rows.prefetch(events.stream().map(CloudEvent::subject).filter(Objects::nonNull).toList());
    }

    /** Applies one event; runs inside the caller's transaction. Types the read model does not use are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent<JsonNode> event) {
        Optional<EventType<?>> type = EventTypes.byType(event.type());
        if (type.isEmpty()) {
            LOG.debugf("skipping %s %s: a type this build does not know", event.type(), event.id());
            return;
        }
        apply(new EventRef(event.id(), event.dossierversion()), type.get().payload(event));
    }

    /**
     * An applied event's id and its dossier version ({@code dossierversion}: docs/ORDERING.md; null for an event
     * written before versions existed).
     */
    public record EventRef(UUID id, Long version) {
    }

    /**
     * Applies one typed event payload whose envelope id is {@code id}. The timeline is what the citizen reads (public
     * lookup, "my dossiers", Open311): it carries the reasons the citizen is given on paper — refusal (Form 03),
     * supplement request (Form 02), extension and apology (Form 04), stop (Form 05) — and never what agencies write
     * to each other: a transfer's or a send-back's reason and a completion note stay with routing, for officers
     * (issue 17: a note with an identity number reached the public page).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventRef id, EventPayload payload) {
        if (payload instanceof DossierSubmitted submitted) {
            submitted(id, submitted);
        } else if (payload instanceof DossierReceived received) {
            received(id, received);
        } else if (payload instanceof DossierRefused refused) {
            change(id, refused.dossierCode(), refused.refusedAt(), DossierState.REFUSED, refused.unitCode(),
                    "Hồ sơ không được tiếp nhận. Lý do: " + String.join("; ", refused.reasons()),
                    StatusProjection::leaveAgencies, row -> { });
        } else if (payload instanceof DossierSupplementRequested request) {
            supplementRequested(id, request);
        } else if (payload instanceof DossierSupplementSupplied supplied) {
            DossierStatus row = row(supplied.dossierCode(), DossierState.IN_PROCESS, id.version(), supplied.suppliedAt());
            // Before reception the dossier goes back to the check; during processing back to processing.
            DossierState next = row.receivedAt == null && row.status == DossierState.SUBMISSION_SUPPLEMENT_REQUESTED
                    ? DossierState.SUBMITTED : DossierState.IN_PROCESS;
            change(id, supplied.dossierCode(), supplied.suppliedAt(), next, null,
                    "Đã nhận hồ sơ bổ sung" + items(supplied.items()), row2 -> { }, row2 -> { });
        } else if (payload instanceof DossierWithdrawn withdrawn) {
            change(id, withdrawn.dossierCode(), withdrawn.withdrawnAt(), DossierState.WITHDRAWN, null,
                    DossierState.WITHDRAWN.citizenText(), StatusProjection::leaveAgencies,
                    row -> row.withdrawnAt = withdrawn.withdrawnAt());
        } else if (payload instanceof TaskAssigned task) {
            agencyName(task.agencyCode(), task.agencyName());
            change(id, task.dossierCode(), task.assignedAt(), DossierState.IN_PROCESS, task.agencyCode(),
                    "Hồ sơ được chuyển đến " + task.agencyName(), row -> atAgency(row, task.agencyCode()), row -> { });
        } else if (payload instanceof TaskTransferred transfer) {
            agencyName(transfer.toAgencyCode(), transfer.toAgencyName());
            change(id, transfer.dossierCode(), transfer.transferredAt(), DossierState.IN_PROCESS,
                    transfer.toAgencyCode(), "Hồ sơ được chuyển đến " + nameOf(transfer.toAgencyCode()),
                    row -> atAgency(row, transfer.toAgencyCode()), row -> { });
        } else if (payload instanceof TaskReturned returned) {
            change(id, returned.dossierCode(), returned.returnedAt(), DossierState.IN_PROCESS,
                    returned.toAgencyCode(), "Hồ sơ được chuyển lại cho " + nameOf(returned.toAgencyCode()),
                    row -> atAgency(row, returned.toAgencyCode()), row -> { });
        } else if (payload instanceof TaskDrafted drafted) {
            change(id, drafted.dossierCode(), drafted.draftedAt(), DossierState.IN_PROCESS, drafted.agencyCode(),
                    "Đã dự thảo kết quả giải quyết tại " + nameOf(drafted.agencyCode()), row -> { }, row -> { });
        } else if (payload instanceof TaskReviewed reviewed) {
            // A send-back and its reason stay inside the agency; the citizen reads that the draft passed.
            if (reviewed.passed()) {
                change(id, reviewed.dossierCode(), reviewed.reviewedAt(), DossierState.IN_PROCESS, reviewed.agencyCode(),
                        "Dự thảo kết quả đã được thẩm định, chờ lãnh đạo " + nameOf(reviewed.agencyCode()) + " ký duyệt",
                        row -> { }, row -> { });
            }
        } else if (payload instanceof TaskSigned signed) {
            change(id, signed.dossierCode(), signed.signedAt(), DossierState.IN_PROCESS, signed.agencyCode(),
                    signedBy(signed.agencyCode(), SignatureMark.ofMark(signed.signature()))
                            + ", văn bản số " + signed.documentNumber() + " ngày "
                            + signed.documentDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    row -> { }, row -> { });
        } else if (payload instanceof DossierPaused paused) {
            paused(id, paused);
        } else if (payload instanceof DossierResumed resumed) {
            resumed(id, resumed);
        } else if (payload instanceof FinancialObligationRequested obligation) {
            change(id, obligation.dossierCode(), obligation.requestedAt(), DossierState.AWAITING_PAYMENT,
                    obligation.agencyCode(), "Yêu cầu thực hiện nghĩa vụ tài chính: " + obligation.description()
                            + " (" + vnd(obligation.amountVnd()) + ")", row -> { }, row -> { });
        } else if (payload instanceof FinancialObligationPaid paid) {
            change(id, paid.dossierCode(), paid.paidAt(), DossierState.IN_PROCESS, null,
                    "Đã thực hiện nghĩa vụ tài chính (" + vnd(paid.amountVnd()) + ")", row -> { }, row -> { });
        } else if (payload instanceof DossierProcessingStopped stopped) {
            // Routing ends a dossier whose supply-by date lapsed by the procedure's rule: returned or stopped.
            String note = stopped.supplementLapse() == SupplementLapse.RETURN
                    ? "Trả lại hồ sơ cho người nộp. Lý do: " + stopped.reason()
                    : "Dừng giải quyết hồ sơ. Lý do: " + stopped.reason();
            change(id, stopped.dossierCode(), stopped.stoppedAt(), DossierState.STOPPED, stopped.agencyCode(),
                    note, StatusProjection::leaveAgencies,
                    row -> row.stoppedAt = stopped.stoppedAt());
        } else if (payload instanceof DossierExtensionGranted extension) {
            extension(id, extension);
        } else if (payload instanceof DossierProcessed processed) {
            processed(id, processed);
        } else if (payload instanceof ResultReturned returned) {
            resultReturned(id, returned);
        } else if (payload instanceof TaskCompleted completed) {
            stepVerdict(completed);
        } else {
            LOG.debugf("%s is not part of the read model", payload.getClass().getSimpleName());
        }
    }

    private void submitted(EventRef id, DossierSubmitted submitted) {
        // Submitted online: the citizen can follow it by code and PIN before the officer's check.
        change(id, submitted.dossierCode(), submitted.submittedAt(), DossierState.SUBMITTED, submitted.unitCode(),
                DossierState.SUBMITTED.citizenText(), row -> { }, row -> {
                    row.procedureCode = submitted.procedureCode();
                    row.procedureName = submitted.procedureName();
                    row.unitCode = submitted.unitCode();
                    if (row.channel == null) {
                        row.channel = ReceptionChannel.ONLINE;
                    }
                    row.submittedAt = submitted.submittedAt();
                    if (submitted.citizenIdHmac() != null) {
                        row.citizenIdHmac = submitted.citizenIdHmac();
                    }
                    row.pinHmac = pins.hash(submitted.dossierCode(), submitted.lookupPin());
                });
    }

    private void received(EventRef id, DossierReceived event) {
        String code = event.dossierCode();
        for (PlanStep step : event.routingPlan().steps()) {
            agencyName(step.agencyCode(), step.agencyName());
        }
        change(id, code, event.receivedAt(), DossierState.RECEIVED, event.unitCode(),
                DossierState.RECEIVED.citizenText(), row -> { }, row -> {
                    row.procedureCode = event.procedureCode();
                    row.procedureName = event.procedureName();
                    row.unitCode = event.unitCode();
                    row.channel = event.channel();
                    row.receivedAt = event.receivedAt();
                    row.leadAgency = event.routingPlan().leadAgencyCode();
                    setAppointment(row, event.appointmentAt(), event.receivedAt());
                    setLawfulDue(row, event.appointmentAt(), event.receivedAt());
                    if (event.citizenIdHmac() != null) {
                        row.citizenIdHmac = event.citizenIdHmac();
                    }
                    if (event.lookupPin() != null) {
                        // An online submission's PIN came on `submitted`; its `received` carries none.
                        row.pinHmac = pins.hash(code, event.lookupPin());
                    }
                });
        rows.keepLogBookEntry(code, cut(event.applicant().addressee(), 300), cut(event.applicant().address(), 500),
                cut(event.applicant().phone(), 30), Math.max(1, Math.min(20, event.setsOrOne())));
    }

    private void supplementRequested(EventRef id, DossierSupplementRequested request) {
        DossierStatus row = row(request.dossierCode(), DossierState.SUPPLEMENT_REQUESTED, id.version(), request.requestedAt());
        // An agency asks during processing; the one-stop unit at the check of an online submission.
        DossierState state = request.agencyCode() != null || row.receivedAt != null
                ? DossierState.SUPPLEMENT_REQUESTED : DossierState.SUBMISSION_SUPPLEMENT_REQUESTED;
        change(id, request.dossierCode(), request.requestedAt(), state, request.agencyCode(),
                "Yêu cầu bổ sung, hoàn thiện hồ sơ: " + request.reason() + items(request.items())
                        + (request.supplyBy() == null ? "" : ". Hạn bổ sung: " + request.supplyBy().format(DATE)),
                r -> { }, r -> { });
    }

    private void paused(EventRef id, DossierPaused paused) {
        DossierState state = paused.reason() == PauseReason.FINANCIAL_OBLIGATION
                ? DossierState.AWAITING_PAYMENT : DossierState.SUPPLEMENT_REQUESTED;
        // No timeline entry of its own: intake's supplement-requested (Form 02) or the obligation request
        // tells the citizen why; a second line saying the same would only confuse.
        changeWithoutTimeline(paused.dossierCode(), id.version(), paused.pausedAt(), state, r -> { }, row -> {
            if (row.pauseTime == null || !micros(paused.pausedAt()).isBefore(row.pauseTime)) {
                row.paused = true;
                row.pauseTime = micros(paused.pausedAt());
            }
        });
        em.createNativeQuery("insert into dossier_pause (code, paused_at, reason) values (?1, ?2, ?3)"
                        + " on conflict (code, paused_at) do update set reason = excluded.reason")
                .setParameter(1, paused.dossierCode())
                .setParameter(2, paused.pausedAt())
                .setParameter(3, paused.reason().name())
                .executeUpdate();
    }

    private void resumed(EventRef id, DossierResumed resumed) {
        change(id, resumed.dossierCode(), resumed.resumedAt(), DossierState.IN_PROCESS, null,
                "Tiếp tục giải quyết hồ sơ; ngày hẹn trả kết quả: " + date(resumed.newDueAt()), r -> { }, row -> {
                    if (row.pauseTime == null || !micros(resumed.resumedAt()).isBefore(row.pauseTime)) {
                        row.paused = false;
                        row.pauseTime = micros(resumed.resumedAt());
                    }
                    setAppointment(row, resumed.newDueAt(), resumed.resumedAt());
                    // An older producer's event has no lawful due date: its new appointment is the best we know.
                    setLawfulDue(row, resumed.lawfulDueAt() != null ? resumed.lawfulDueAt() : resumed.newDueAt(),
                            resumed.resumedAt());
                });
        // `resumed` names the pause it ends, so it closes the right one even if it overtook `paused`.
        em.createNativeQuery("insert into dossier_pause (code, paused_at, resumed_at) values (?1, ?2, ?3)"
                        + " on conflict (code, paused_at) do update set resumed_at = excluded.resumed_at")
                .setParameter(1, resumed.dossierCode())
                .setParameter(2, resumed.pausedAt())
                .setParameter(3, resumed.resumedAt())
                .executeUpdate();
    }

    private void extension(EventRef id, DossierExtensionGranted extension) {
        agencyName(extension.agencyAtFaultCode(), extension.agencyAtFaultName());
        // The one new appointment (Form 04); its apology is referenced when the late result is returned.
        change(id, extension.dossierCode(), extension.grantedAt(), DossierState.IN_PROCESS,
                extension.agencyAtFaultCode(), "Xin lỗi và hẹn lại ngày trả kết quả: " + date(extension.newDueAt())
                        + ". Lý do: " + extension.reason(), r -> { }, row -> {
                    setAppointment(row, extension.newDueAt(), extension.grantedAt());
                    // The extension moves the appointment only; the lawful due date it names stays.
                    if (extension.lawfulDueAt() != null) {
                        setLawfulDue(row, extension.lawfulDueAt(), extension.grantedAt());
                    }
                    row.apologyRef = extension.apologyRef();
                });
    }

    private void processed(EventRef id, DossierProcessed processed) {
        String note = processed.outcome() == Outcome.REJECTED
                ? "Hồ sơ đã giải quyết xong (không chấp thuận), chờ trả kết quả"
                : DossierState.PROCESSED.citizenText();
        change(id, processed.dossierCode(), processed.decidedAt(), DossierState.PROCESSED,
                processed.leadAgencyCode(), note, StatusProjection::leaveAgencies, row -> {
                    row.processedAt = processed.decidedAt();
                    // The date the verdict was judged by: the lawful due date (an older producer judged by dueAt).
                    row.processedDueAt = processed.lawfulDueAt() != null ? processed.lawfulDueAt() : processed.dueAt();
                    row.processedOnTime = processed.onTime();
                    if (processed.lawfulDueAt() != null) {
                        setLawfulDue(row, processed.lawfulDueAt(), processed.decidedAt());
                    }
                    row.outcome = processed.outcome();
                    if (row.leadAgency == null) {
                        row.leadAgency = processed.leadAgencyCode();
                    }
                });
    }

    private void resultReturned(EventRef id, ResultReturned returned) {
        String how = switch (returned.channel()) {
            case COUNTER -> " tại Bộ phận Một cửa";
            case POST -> " qua bưu chính" + (returned.trackingNumber() == null ? "" : ", số hiệu bưu gửi "
                    + returned.trackingNumber());
            case ONLINE -> " trực tuyến";
        };
        change(id, returned.dossierCode(), returned.returnedAt(), DossierState.RESULT_RETURNED, null,
                DossierState.RESULT_RETURNED.citizenText() + how, StatusProjection::leaveAgencies,
                row -> row.returnedAt = returned.returnedAt());
        em.createNativeQuery("insert into log_book_entry (code, returned_at, return_channel, result_received_by,"
                        + " returned_by, tracking_number) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (code) do update set"
                        + " returned_at = excluded.returned_at, return_channel = excluded.return_channel,"
                        + " result_received_by = excluded.result_received_by, returned_by = excluded.returned_by,"
                        + " tracking_number = excluded.tracking_number")
                .setParameter(1, returned.dossierCode())
                .setParameter(2, returned.returnedAt())
                .setParameter(3, returned.channel().name())
                .setParameter(4, cut(returned.receivedBy(), 300))
                .setParameter(5, cut(returned.returnedBy(), 100))
                .setParameter(6, cut(returned.trackingNumber(), 100))
                .executeUpdate();
    }

    /**
     * An event that moves the dossier to {@code state}: {@code whenCurrent} runs only if the event is the
     * latest so far (it changes the current status), {@code always} runs in any case.
     */
    private void change(EventRef eventId, String code, OffsetDateTime at, DossierState state, String agency, String note,
                        Consumer<DossierStatus> whenCurrent, Consumer<DossierStatus> always) {
        DossierStatus row = changeWithoutTimeline(code, eventId.version(), at, state, whenCurrent, always);
        if (row.status == DossierState.WITHDRAWN && state == DossierState.WITHDRAWN) {
            // what raced the withdrawal and arrived first is not part of the citizen's story after it
            rows.writeLines();
            em.createNativeQuery("delete from dossier_timeline where code = ?1 and (case when cast(?3 as bigint) is not"
                            + " null and version is not null then version > cast(?3 as bigint) else at > ?2 end)")
                    .setParameter(1, code)
                    .setParameter(2, row.lastEventTime)
                    .setParameter(3, row.lastVersion)
                    .executeUpdate();
        } else if (ended(row.status) && state != row.status && order(row, eventId.version(), micros(at)) > 0) {
            return; // happened after the end (an agency's action racing it): not shown
        }
        addToTimeline(eventId, code, at, state, agency, note);
    }

    private DossierStatus changeWithoutTimeline(String code, Long version, OffsetDateTime eventTime, DossierState state,
                                                Consumer<DossierStatus> whenCurrent, Consumer<DossierStatus> always) {
        OffsetDateTime at = micros(eventTime);
        DossierStatus row = row(code, state, version, at);
        if (isCurrent(row, version, at, state)) {
            row.status = state;
            row.nationalStatusCode = state.nationalStatusCode();
            row.lastEventTime = at;
            row.lastVersion = version;
            whenCurrent.accept(row);
        }
        always.accept(row);
        row.updatedAt = OffsetDateTime.now();
        rows.save(row);
        return row;
    }

    /**
     * Which event's state is the dossier's (docs/ORDERING.md). A withdrawal is final whatever arrives before or
     * after it: intake accepts one only while it has seen no end of processing, so any decision it meets here
     * raced it, and intake and routing keep the withdrawal too. Any other end (refused, stopped, result returned)
     * is kept against every later non-final event. Otherwise the later event wins — by dossier version, which no
     * host's clock can skew; by business time between events of equal version (concurrent: neither producer had
     * seen the other) or without one; at the same instant, the state further along the dossier's life.
     */
    static boolean isCurrent(DossierStatus row, Long version, OffsetDateTime at, DossierState state) {
        int order = order(row, version, at);
        boolean creation = order == 0 && state == row.status;
        if (row.status == DossierState.WITHDRAWN) {
            return creation;
        }
        if (state == DossierState.WITHDRAWN) {
            return true;
        }
        if (ended(row.status) && !ended(state)) {
            return creation;
        }
        return order > 0 || order == 0 && stage(state) >= stage(row.status);
    }

    /** Whether an event of {@code version} at {@code at} comes after (> 0) the one that set the row's status. */
    static int order(DossierStatus row, Long version, OffsetDateTime at) {
        if (version != null && row.lastVersion != null && !version.equals(row.lastVersion)) {
            return Long.compare(version, row.lastVersion);
        }
        // by instant: a time read back from the database carries another offset than the event's own
        return at.toInstant().compareTo(row.lastEventTime.toInstant());
    }

    /** The states a dossier does not leave (but for a withdrawal that raced them). */
    static boolean ended(DossierState state) {
        return state == DossierState.WITHDRAWN || state == DossierState.STOPPED || state == DossierState.REFUSED
                || state == DossierState.RESULT_RETURNED;
    }

    private static int stage(DossierState state) {
        return switch (state) {
            case SUBMITTED -> 0;
            case SUBMISSION_SUPPLEMENT_REQUESTED, REFUSED -> 1;
            case RECEIVED -> 2;
            case IN_PROCESS -> 3;
            case SUPPLEMENT_REQUESTED, AWAITING_PAYMENT -> 4;
            case PROCESSED, STOPPED, WITHDRAWN -> 5;
            case RESULT_RETURNED -> 6;
        };
    }

    private static void setAppointment(DossierStatus row, OffsetDateTime appointment, OffsetDateTime eventTime) {
        OffsetDateTime at = micros(eventTime);
        if (row.appointmentTime == null || !at.isBefore(row.appointmentTime)) {
            row.appointmentAt = appointment;
            row.appointmentTime = at;
        }
    }

    private static void setLawfulDue(DossierStatus row, OffsetDateTime due, OffsetDateTime eventTime) {
        OffsetDateTime at = micros(eventTime);
        if (row.lawfulDueTime == null || !at.isBefore(row.lawfulDueTime)) {
            row.lawfulDueAt = due;
            row.lawfulDueTime = at;
        }
    }

    /**
     * A step's verdict (the control sheet's), counted against the agency whose step it was: nothing the
     * citizen reads changes. Keyed by the task, so a redelivery or a replay writes it once.
     */
    private void stepVerdict(TaskCompleted completed) {
        em.createNativeQuery("insert into step_verdict (task_id, code, step_id, agency, completed_at, on_time)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (task_id) do nothing")
                .setParameter(1, completed.taskId())
                .setParameter(2, completed.dossierCode())
                .setParameter(3, cut(completed.stepId(), 100))
                .setParameter(4, cut(completed.agencyCode(), 100))
                .setParameter(5, completed.completedAt())
                .setParameter(6, completed.onTime())
                .executeUpdate();
    }

    /** Who signed, as the citizen reads it: the head, or someone under the delegation's mark (KT., TL., TUQ.). */
    private String signedBy(String agency, SignatureMark mark) {
        if (mark == null) {
            return "Lãnh đạo " + nameOf(agency) + " đã ký duyệt";
        }
        return switch (mark) {
            case KT -> "Lãnh đạo " + nameOf(agency) + " đã ký duyệt (cấp phó ký thay thủ trưởng)";
            case TL, TUQ -> nameOf(agency) + " đã ký duyệt (" + mark.words() + " thủ trưởng)";
        };
    }

    private void atAgency(DossierStatus row, String agency) {
        row.currentAgency = agency;
        row.currentAgencyName = nameOf(agency);
    }

    private static void leaveAgencies(DossierStatus row) {
        row.currentAgency = null;
        row.currentAgencyName = null;
    }

    /**
     * An event time as PostgreSQL stores it. Producers' clocks have nanoseconds, timestamptz keeps microseconds
     * (rounding), so an event compared with the time its own insert just stored would look older than itself
     * and lose: every comparison and every stored time goes through here.
     */
    static OffsetDateTime micros(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    private DossierStatus row(String code, DossierState state, Long version, OffsetDateTime eventTime) {
        return rows.lock(code, state, version, micros(eventTime));
    }

    private void agencyName(String code, String name) {
        agencyNames.keep(code, name);
    }

    private String nameOf(String code) {
        return agencyNames.of(code);
    }

    private void addToTimeline(EventRef eventId, String code, OffsetDateTime at, DossierState state, String agency,
                               String note) {
        rows.addLine(new StatusRows.Line(code, at, state.name(), agency, cut(note, NOTE_LENGTH), eventId.id(),
                eventId.version()));
    }

    private static String items(List<SupplementItem> items) {
        return items.isEmpty() ? "" : " (" + items.stream().map(SupplementItem::name).collect(Collectors.joining("; ")) + ")";
    }

    private static String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount) + " đồng";
    }

    private static String date(OffsetDateTime time) {
        return time.atZoneSameInstant(EventJson.VIETNAM).format(DATE);
    }

    static String cut(String text, int length) {
        return text != null && text.length() > length ? text.substring(0, length) : text;
    }
}
