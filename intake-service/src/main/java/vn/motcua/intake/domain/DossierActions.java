package vn.motcua.intake.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.intake.messaging.IntakeEvents;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierAction;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.dossier.DossierStateMachine;
import vn.motcua.shared.dossier.Role;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.intake.SupplementItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What happens to a dossier after it entered: the check of an online submission (accept, ask for a
 * supplement, refuse), supplements supplied, withdrawal at the applicant's request, and the status
 * changes routing and result report. Every action locks the dossier's row, so of two conflicting
 * actions exactly one wins and the other meets the new state (409); every change is written with its
 * history line and its event in one transaction.
 */
@ApplicationScoped
public class DossierActions {
    /**
     * Who acts. A counter officer acts for their unit's dossiers only; a citizen for the dossiers linked to
     * their citizen ID; anything else answers 404, as if absent.
     */
    public record Actor(String username, Role role, String unitCode, String citizenLink) {
        boolean mayTouch(Dossier dossier) {
            return switch (role) {
                case COUNTER_OFFICER -> dossier.unitCode.equals(unitCode);
                case CITIZEN -> citizenLink != null && citizenLink.equals(dossier.citizenIdHmac);
                case SUPERVISOR, ADMIN, SYSTEM -> true;
                case AGENCY_OFFICER -> false;
            };
        }
    }

    private final Reception reception;
    private final Calendars calendars;
    private final Outbox outbox;
    private final AgroalDataSource dataSource;

    public DossierActions(Reception reception, Calendars calendars, Outbox outbox, AgroalDataSource dataSource) {
        this.reception = reception;
        this.calendars = calendars;
        this.outbox = outbox;
        this.dataSource = dataSource;
    }

    /** Tiếp nhận an online submission after the check: the deadline clock starts now. */
    @Transactional
    public Dossier accept(String code, Actor actor, String fullName) {
        Dossier dossier = lock(code, actor);
        String from = transition(dossier, DossierAction.RECEIVE, actor);
        reception.accept(dossier, new Reception.Officer(actor.username(), fullName, actor.unitCode()));
        Reception.history(dossier, actor.username(), DossierAction.RECEIVE.name(), from, List.of(), null);
        return dossier;
    }

    /** Từ chối (Form 03): a submission outside the unit's competence or not eligible, with every reason. */
    @Transactional
    public Dossier refuse(String code, List<String> reasons, Actor actor) {
        Dossier dossier = lock(code, actor);
        String from = transition(dossier, DossierAction.REFUSE, actor);
        Reception.history(dossier, actor.username(), DossierAction.REFUSE.name(), from, reasons, null);
        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.refused(dossier, reasons, actor.username(),
                dossier.receivedAt != null));
        return dossier;
    }

    /**
     * The one written guidance listing everything missing (Form 02), at the check of a submission. During
     * processing a supplement is the processing agency's request, made in routing (its clock pauses).
     */
    @Transactional
    public SupplementRequest requestSupplement(String code, String reason, List<SupplementItem> items, LocalDate supplyBy,
                                               Actor actor) {
        Dossier dossier = lock(code, actor);
        if (dossier.state() != DossierState.SUBMITTED) {
            throw ProblemException.conflict("supplement-by-agency",
                    "Khi hồ sơ đang giải quyết, yêu cầu bổ sung do cơ quan giải quyết gửi (thời hạn được tạm dừng tại đó).");
        }
        LocalDate today = now().atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
        if (supplyBy != null && (supplyBy.isBefore(today) || supplyBy.isAfter(today.plusYears(1)))) {
            throw ProblemException.badRequest("supply-by-out-of-range",
                    "Hạn bổ sung (supplyBy) phải từ hôm nay đến tối đa một năm sau.");
        }
        String from = transition(dossier, DossierAction.REQUEST_SUPPLEMENT, actor);
        return openSupplement(dossier, from, actor.username(), null, reason, items, supplyBy);
    }

    /**
     * A processing agency asked for a supplement (routing paused its clock): the dossier waits for the
     * applicant, who gets the written request. A redelivered or reordered pause changes nothing twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void supplementRequestedByAgency(String code, OffsetDateTime at, String agencyCode, String requestedBy,
                                            String reason, List<SupplementItem> items, LocalDate supplyBy) {
        Dossier dossier = Dossier.byCodeForUpdate(code).orElse(null);
        if (dossier == null || DossierStateMachine.find(dossier.state(), DossierAction.REQUEST_SUPPLEMENT).isEmpty()) {
            return;
        }
        if (dossier.state() == DossierState.RECEIVED) {
            // routing started processing; its `routed` event may still be on the way.
            mirror(dossier, DossierAction.START_PROCESSING, at, "routing-service", null);
        }
        String from = dossier.status;
        dossier.status = DossierStateMachine.next(dossier.state(), DossierAction.REQUEST_SUPPLEMENT).name();
        dossier.statusChangedAt = at;
        openSupplement(dossier, from, requestedBy, agencyCode,
                reason == null || reason.isBlank() ? "Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ" : reason,
                items, supplyBy);
    }

    private SupplementRequest openSupplement(Dossier dossier, String from, String by, String agencyCode, String reason,
                                             List<SupplementItem> items, LocalDate supplyBy) {
        SupplementRequest request = new SupplementRequest();
        request.id = UUID.randomUUID();
        request.dossierId = dossier.id;
        request.requestedAt = dossier.statusChangedAt;
        request.requestedBy = by;
        request.agencyCode = agencyCode;
        request.reason = reason;
        request.items = Reception.json(items);
        request.supplyBy = supplyBy;
        request.persist();
        Reception.history(dossier, by, DossierAction.REQUEST_SUPPLEMENT.name(), from, List.of(reason), null);
        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.supplementRequested(dossier, request, items));
        return request;
    }

    /**
     * The applicant supplied what was asked: a submission goes back to the check, a dossier in processing
     * resumes (routing restarts its clock on the event). Documents supplied join the dossier's list.
     */
    @Transactional
    public SupplementRequest supply(String code, List<SupplementItem> items, String note, Actor actor) {
        Dossier dossier = lock(code, actor);
        String from = transition(dossier, DossierAction.SUPPLY_SUPPLEMENT, actor);
        SupplementRequest request = SupplementRequest.openFor(dossier.id)
                .orElseThrow(() -> new IllegalStateException("dossier " + code + " awaits a supplement but has no open request"));
        request.suppliedAt = dossier.statusChangedAt;
        request.suppliedBy = actor.username();
        request.suppliedItems = Reception.json(items);
        request.suppliedNote = note;
        var documents = new java.util.ArrayList<>(Reception.documentsOf(dossier));
        for (SupplementItem item : items) {
            documents.removeIf(d -> d.name().strip().equals(item.name().strip()));
            documents.add(new vn.motcua.intake.api.ReceptionRequest.Document(item.name().strip(),
                    item.form() == null ? vn.motcua.shared.events.DocumentForm.COPY : item.form(), item.copies()));
        }
        dossier.documents = Reception.json(documents);
        Reception.history(dossier, actor.username(), DossierAction.SUPPLY_SUPPLEMENT.name(), from, List.of(), note);
        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.supplementSupplied(dossier, request, items,
                actor.role() == Role.COUNTER_OFFICER ? actor.username() : null));
        return request;
    }

    /** Công dân xin rút: recorded by the counter officer, or by the citizen online, before any result. */
    @Transactional
    public Dossier withdraw(String code, String reason, Actor actor) {
        Dossier dossier = lock(code, actor);
        String from = transition(dossier, DossierAction.WITHDRAW, actor);
        Reception.history(dossier, actor.username(), DossierAction.WITHDRAW.name(), from,
                reason == null ? List.of() : List.of(reason), null);
        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.withdrawn(dossier,
                actor.role() == Role.COUNTER_OFFICER ? actor.username() : null, reason));
        return dossier;
    }

    /**
     * Follows what routing and result decided, so the counter knows where each dossier stands (withdrawal
     * is refused once a result exists). A change the current state does not allow is a late or repeated
     * event, and is skipped.
     *
     * <p>This is the consumer's hot path (every routed dossier passes here), so it reads only the row's status under
     * lock and writes the new status with its history lines in one statement, instead of loading and flushing the
     * whole entity: two round trips, as many as the entity load alone. It bumps the entity's {@code @Version} like
     * Hibernate would, so an officer's action that read the dossier before still meets the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(String code, DossierAction action, OffsetDateTime at, String actor, String note) {
        try (Connection c = dataSource.getConnection()) {
            UUID id;
            DossierState state;
            try (PreparedStatement read = c.prepareStatement("select id, status from dossier where code = ? for update")) {
                read.setString(1, code);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    id = rs.getObject("id", UUID.class);
                    state = DossierState.valueOf(rs.getString("status"));
                }
            }
            List<Mirrored> steps = new ArrayList<>(2);
            if (state == DossierState.RECEIVED && action != DossierAction.START_PROCESSING
                    && DossierStateMachine.find(DossierState.IN_PROCESS, action).isPresent()) {
                steps.add(new Mirrored(DossierAction.START_PROCESSING, state, DossierState.IN_PROCESS, null));
                state = DossierState.IN_PROCESS;
            }
            DossierState from = state;
            DossierStateMachine.find(from, action).ifPresent(t -> steps.add(new Mirrored(action, from, t.to(), note)));
            if (steps.isEmpty()) {
                return;
            }
            OffsetDateTime when = at == null ? now() : at;
            try (PreparedStatement write = c.prepareStatement(
                    "with moved as (update dossier set status = ?, status_changed_at = ?, version = version + 1 where id = ?)"
                            + " insert into dossier_history (dossier_id, at, actor, action, from_status, to_status, reasons, note)"
                            + " select ?, ?, ?, h.action, h.from_status, h.to_status, '[]'::jsonb, h.note"
                            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality"
                            + " as h(action, from_status, to_status, note, n) order by h.n")) {
                write.setString(1, steps.get(steps.size() - 1).to().name());
                write.setObject(2, when);
                write.setObject(3, id);
                write.setObject(4, id);
                write.setObject(5, when);
                write.setString(6, actor);
                write.setArray(7, c.createArrayOf("text", steps.stream().map(m -> m.action().name()).toArray()));
                write.setArray(8, c.createArrayOf("text", steps.stream().map(m -> m.from().name()).toArray()));
                write.setArray(9, c.createArrayOf("text", steps.stream().map(m -> m.to().name()).toArray()));
                write.setArray(10, c.createArrayOf("text", steps.stream().map(Mirrored::note).toArray()));
                write.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not follow " + action + " of " + code, e);
        }
    }

    /** One status change routing or result reported, as its history line records it. */
    private record Mirrored(DossierAction action, DossierState from, DossierState to, String note) {
    }

    private void mirror(Dossier dossier, DossierAction action, OffsetDateTime at, String actor, String note) {
        DossierStateMachine.find(dossier.state(), action).ifPresent(t -> {
            String from = dossier.status;
            dossier.status = t.to().name();
            dossier.statusChangedAt = at == null ? now() : at;
            Reception.history(dossier, actor, action.name(), from, List.of(), note);
        });
    }

    private Dossier lock(String code, Actor actor) {
        return Dossier.byCodeForUpdate(code).filter(actor::mayTouch)
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ " + code + "."));
    }

    /** Applies the state machine for the actor's role; 409 when the state does not allow it, 403 for the role. */
    private String transition(Dossier dossier, DossierAction action, Actor actor) {
        String from = dossier.status;
        DossierState to = DossierStateMachine.apply(dossier.state(), action, actor.role());
        dossier.status = to.name();
        dossier.statusChangedAt = now();
        return Objects.requireNonNull(from);
    }

    private OffsetDateTime now() {
        Instant now = calendars.now().truncatedTo(ChronoUnit.MICROS);
        return now.atOffset(EventJson.VIETNAM);
    }
}
