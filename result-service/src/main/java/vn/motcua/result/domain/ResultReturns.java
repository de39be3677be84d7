package vn.motcua.result.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.result.ResultReturned;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Trả kết quả: the counter officers' queue of processed dossiers and the hand-over itself (at the counter,
 * by post, online). The hand-over is recorded in {@code result_return}, whose key is the dossier code, so of
 * two officers returning the same dossier at once exactly one wins; the other gets 409.
 */
@ApplicationScoped
public class ResultReturns {
    public static final String SOURCE = "result-service";

    private final EntityManager em;
    private final Outbox outbox;
    private final StatusProjection projection;

    public ResultReturns(EntityManager em, Outbox outbox, StatusProjection projection) {
        this.em = em;
        this.outbox = outbox;
        this.projection = projection;
    }

    /** A dossier waiting for its result to be handed back. */
    public record Ready(String code, String procedureCode, String procedureName, String applicantName,
                        OffsetDateTime receivedAt, OffsetDateTime appointmentAt, OffsetDateTime processedAt,
                        Outcome outcome, String leadAgency, boolean onTime) {
    }

    /** What the officer records. {@code receivedBy}: who took the result; {@code trackingNumber}: by post. */
    public record Handover(ReturnChannel channel, String receivedBy, String trackingNumber, String officer,
                           String officerUnit) {
    }

    /** Processed dossiers of {@code unit} not yet returned, the longest-waiting first. Two queries. */
    @Transactional
    public Page<Ready> ready(String unit, Page.Request paging) {
        long total = ((Number) em.createNativeQuery(
                        "select count(*) from dossier_status where status = 'PROCESSED' and unit_code = ?1")
                .setParameter(1, unit).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.code, s.procedure_code, s.procedure_name, l.applicant_name,"
                        + " s.received_at, s.appointment_at, s.processed_at, s.outcome, s.lead_agency, s.processed_on_time"
                        + " from dossier_status s left join log_book_entry l on l.code = s.code"
                        + " where s.status = 'PROCESSED' and s.unit_code = ?1"
                        + " order by s.processed_at, s.code offset ?2 limit ?3")
                .setParameter(1, unit)
                .setParameter(2, paging.offset())
                .setParameter(3, paging.size())
                .getResultList();
        List<Ready> items = rows.stream().map(r -> new Ready((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], Sql.time(r[4]), Sql.time(r[5]), Sql.time(r[6]),
                r[7] == null ? null : Outcome.valueOf((String) r[7]), (String) r[8], Boolean.TRUE.equals(r[9]))).toList();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    /**
     * Hands the result over and publishes {@code result-returned} through the outbox. 404 for a dossier of
     * another unit (as if absent); 409 when it is not processed yet, or already returned.
     */
    @Transactional
    public ResultReturned handOver(String code, Handover handover) {
        DossierStatus row = DossierCode.isValid(code) ? em.find(DossierStatus.class, code) : null;
        if (row == null || row.receivedAt == null || !handover.officerUnit().equals(row.unitCode)) {
            throw ProblemException.notFound("Không có hồ sơ " + code + " tại bộ phận một cửa của bạn.");
        }
        if (row.returnedAt != null) {
            throw alreadyReturned(code);
        }
        if (row.processedAt == null || row.status == DossierState.WITHDRAWN || row.status == DossierState.STOPPED) {
            throw ProblemException.conflict("not-processed", "Hồ sơ " + code + " chưa giải quyết xong (trạng thái: "
                    + row.status.citizenText() + ") nên chưa thể trả kết quả.");
        }
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM).truncatedTo(ChronoUnit.MICROS);
        // The law's verdict (issue 20): by the lawful due date, which the extension does not move; a dossier with
        // the one extension carries its Form 04 apology, on time or not.
        OffsetDateTime due = row.lawfulDueAt != null ? row.lawfulDueAt : row.appointmentAt;
        boolean onTime = due == null || !now.isAfter(due);
        ResultReturned returned = new ResultReturned(code, now, handover.channel(), handover.receivedBy(),
                handover.trackingNumber(), handover.officer(), onTime, row.apologyRef);
        CloudEvent<ResultReturned> event = EventTypes.envelope(SOURCE, returned);
        int inserted = em.createNativeQuery("insert into result_return (code, returned_at, channel, received_by,"
                        + " tracking_number, returned_by, on_time, apology_ref, event_id)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (code) do nothing")
                .setParameter(1, code)
                .setParameter(2, now)
                .setParameter(3, handover.channel().name())
                .setParameter(4, handover.receivedBy())
                .setParameter(5, handover.trackingNumber())
                .setParameter(6, handover.officer())
                .setParameter(7, onTime)
                .setParameter(8, row.apologyRef)
                .setParameter(9, event.id())
                .executeUpdate();
        if (inserted == 0) {
            // Someone else's hand-over committed first (the insert waited for it).
            throw alreadyReturned(code);
        }
        long version = outbox.publish(Topics.RESULT, event);
        // Visible at once; the same event coming back from the topic changes nothing.
        projection.apply(new StatusProjection.EventRef(event.id(), version), returned);
        return returned;
    }

    private static ProblemException alreadyReturned(String code) {
        return ProblemException.conflict("already-returned", "Kết quả của hồ sơ " + code + " đã được trả.");
    }
}
