package vn.motcua.result.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventType;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.TaskAssigned;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds the citizen status read model from events alone (no reads of other services' tables), so it can
 * be rebuilt by replaying the topics from the start.
 *
 * <p><b>Events from different topics may arrive out of order</b> (a routing event before intake's
 * {@code received}). We create a <em>partial row</em> rather than buffering: the early event sets the
 * status and adds its timeline entry at once, and {@code received} later fills in what only it carries
 * (procedure, appointment, PIN). Buffering would need a second store, a trigger to drain it and a rule
 * for events whose {@code received} never comes; the partial row needs none, and a partial row cannot be
 * looked up (no PIN yet), so nothing half-built is ever shown. The current status is the one of the
 * event with the latest business time; an older event arriving late only adds its timeline entry, and
 * {@code received}, the first event of every dossier's life, never replaces a status.
 *
 * <p>Rows are locked per dossier ({@code select ... for update} after an insert-if-absent), so the three
 * topic consumers serialise on one dossier without colliding on its creation.
 */
@ApplicationScoped
public class StatusProjection {
    private static final Logger LOG = Logger.getLogger(StatusProjection.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int NOTE_LENGTH = 1000;

    private final EntityManager em;
    private final PinHasher pins;

    public StatusProjection(EntityManager em, PinHasher pins) {
        this.em = em;
        this.pins = pins;
    }

    /** Applies one event; runs inside the consumer's inbox transaction. Types the page does not show are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent<JsonNode> event) {
        Optional<EventType<?>> type = EventTypes.byType(event.type());
        if (type.isEmpty()) {
            LOG.debugf("skipping %s %s: a type this build does not know", event.type(), event.id());
            return;
        }
        EventPayload payload = type.get().payload(event);
        UUID id = event.id();
        if (payload instanceof DossierReceived received) {
            received(id, received);
        } else if (payload instanceof DossierSubmitted submitted) {
            // Submitted online: the citizen can follow it by code and PIN before the officer's check.
            change(id, submitted.dossierCode(), submitted.submittedAt(), DossierState.SUBMITTED, submitted.unitCode(),
                    DossierState.SUBMITTED.citizenText(), row -> { }, row -> {
                        row.procedureCode = submitted.procedureCode();
                        row.procedureName = submitted.procedureName();
                        row.unitCode = submitted.unitCode();
                        row.channel = ReceptionChannel.ONLINE;
                        row.citizenIdHmac = submitted.citizenIdHmac();
                        row.pinHmac = pins.hash(submitted.dossierCode(), submitted.lookupPin());
                    });
        } else if (payload instanceof TaskAssigned task) {
            change(id, task.dossierCode(), task.assignedAt(), DossierState.IN_PROCESS, task.agencyCode(),
                    "Hồ sơ được chuyển đến " + task.agencyName(),
                    row -> {
                        row.currentAgency = task.agencyCode();
                        row.currentAgencyName = task.agencyName();
                    }, row -> { });
        } else if (payload instanceof DossierProcessed processed) {
            change(id, processed.dossierCode(), processed.decidedAt(), DossierState.PROCESSED,
                    processed.leadAgencyCode(), DossierState.PROCESSED.citizenText(), StatusProjection::leaveAgencies,
                    row -> { });
        } else if (payload instanceof ResultReturned returned) {
            change(id, returned.dossierCode(), returned.returnedAt(), DossierState.RESULT_RETURNED, null,
                    DossierState.RESULT_RETURNED.citizenText(), StatusProjection::leaveAgencies, row -> { });
        } else if (payload instanceof DossierWithdrawn withdrawn) {
            change(id, withdrawn.dossierCode(), withdrawn.withdrawnAt(), DossierState.WITHDRAWN, null,
                    DossierState.WITHDRAWN.citizenText(), StatusProjection::leaveAgencies, row -> { });
        } else if (payload instanceof DossierExtensionGranted extension) {
            // The one new appointment (Form 04) holds whatever order the events came in.
            change(id, extension.dossierCode(), extension.grantedAt(), DossierState.IN_PROCESS,
                    extension.agencyAtFaultCode(),
                    "Hẹn lại ngày trả kết quả: " + extension.newDueAt().atZoneSameInstant(EventJson.VIETNAM).format(DATE),
                    row -> { }, row -> row.appointmentAt = extension.newDueAt());
        } else {
            LOG.debugf("%s %s is not shown on the status page", event.type(), event.id());
        }
    }

    private void received(UUID eventId, DossierReceived event) {
        String code = event.dossierCode();
        createIfAbsent(code, DossierState.RECEIVED, event.receivedAt());
        DossierStatus row = lock(code);
        row.procedureCode = event.procedureCode();
        row.procedureName = event.procedureName();
        row.unitCode = event.unitCode();
        row.channel = event.channel();
        row.receivedAt = event.receivedAt();
        if (row.appointmentAt == null) {
            row.appointmentAt = event.appointmentAt();
        }
        row.citizenIdHmac = event.citizenIdHmac();
        if (event.lookupPin() != null) {
            // An online submission's PIN came on `submitted`; its `received` carries none.
            row.pinHmac = pins.hash(code, event.lookupPin());
        }
        row.updatedAt = OffsetDateTime.now();
        addToTimeline(eventId, code, event.receivedAt(), DossierState.RECEIVED, event.unitCode(),
                DossierState.RECEIVED.citizenText());
    }

    /**
     * An event that moves the dossier to {@code state}: {@code whenCurrent} runs only if the event is the
     * latest so far (it changes the current status), {@code always} runs in any case.
     */
    private void change(UUID eventId, String code, OffsetDateTime at, DossierState state, String agency, String note,
                        Consumer<DossierStatus> whenCurrent, Consumer<DossierStatus> always) {
        createIfAbsent(code, state, at);
        DossierStatus row = lock(code);
        if (!at.isBefore(row.lastEventTime)) {
            row.status = state;
            row.nationalStatusCode = state.nationalStatusCode();
            row.lastEventTime = at;
            whenCurrent.accept(row);
        }
        always.accept(row);
        row.updatedAt = OffsetDateTime.now();
        addToTimeline(eventId, code, at, state, agency, note);
    }

    private static void leaveAgencies(DossierStatus row) {
        row.currentAgency = null;
        row.currentAgencyName = null;
    }

    private void createIfAbsent(String code, DossierState state, OffsetDateTime at) {
        em.createNativeQuery("insert into dossier_status (code, status, national_status_code, updated_at, last_event_time)"
                        + " values (?1, ?2, ?3, now(), ?4) on conflict (code) do nothing")
                .setParameter(1, code)
                .setParameter(2, state.name())
                .setParameter(3, state.nationalStatusCode())
                .setParameter(4, at)
                .executeUpdate();
    }

    private DossierStatus lock(String code) {
        return em.find(DossierStatus.class, code, LockModeType.PESSIMISTIC_WRITE);
    }

    private void addToTimeline(UUID eventId, String code, OffsetDateTime at, DossierState state, String agency,
                               String note) {
        String shortNote = note != null && note.length() > NOTE_LENGTH ? note.substring(0, NOTE_LENGTH) : note;
        em.createNativeQuery("insert into dossier_timeline (code, at, status, agency, note, event_id)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (event_id) do nothing")
                .setParameter(1, code)
                .setParameter(2, at)
                .setParameter(3, state.name())
                .setParameter(4, agency)
                .setParameter(5, shortNote)
                .setParameter(6, eventId)
                .executeUpdate();
    }
}
