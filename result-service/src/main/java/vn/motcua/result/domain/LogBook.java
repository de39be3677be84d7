package vn.motcua.result.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.ReturnChannel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The log book, Sổ theo dõi hồ sơ (Form 07 of Circular 03/2025, 06 of 01/2018): one entry per dossier received in the period, with the applicant, the lead
 * agency, reception, appointment and the hand-over of the result (who took it stands for the signature).
 */
@ApplicationScoped
public class LogBook {
    /** An export larger than this asks for a shorter period rather than holding it all in memory. */
    static final int MAX_ENTRIES = 100_000;

    private final EntityManager em;

    public LogBook(EntityManager em) {
        this.em = em;
    }

    /** The PDF holds every page in memory and renders ~100 entries (12 pages) in under a second: a tighter cap. */
    public static final int MAX_PDF_ENTRIES = 2_000;

    /**
     * One dossier of the book.
     *
     * @param transferredAt when the dossier first went to an agency (the first task assigned)
     * @param resolvedAt    when routing decided it (có kết quả giải quyết)
     * @param sets          số lượng hồ sơ: the sets handed in (one for a dossier received before they were told)
     */
    public record Entry(String code, String procedureName, String applicantName, String applicantAddress,
                        String applicantPhone, String leadAgency, String leadAgencyName, OffsetDateTime receivedAt,
                        OffsetDateTime appointmentAt, OffsetDateTime returnedAt, ReturnChannel returnChannel,
                        String resultReceivedBy, String trackingNumber, OffsetDateTime transferredAt,
                        OffsetDateTime resolvedAt, OffsetDateTime stoppedAt, OffsetDateTime withdrawnAt, int sets) {
    }

    /** Entries received from {@code from} to {@code to} inclusive (Vietnam days), in order of reception. */
    public List<Entry> entries(LocalDate from, LocalDate to) {
        return entries(from, to, MAX_ENTRIES);
    }

    /** As {@link #entries(LocalDate, LocalDate)}, 400 {@code period-too-large} beyond {@code max} entries. */
    @Transactional
    public List<Entry> entries(LocalDate from, LocalDate to, int max) {
        OffsetDateTime start = from.atStartOfDay(EventJson.VIETNAM).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(EventJson.VIETNAM).toOffsetDateTime();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.code, s.procedure_name, l.applicant_name, l.applicant_address,"
                        + " l.applicant_phone, s.lead_agency, a.name, s.received_at, s.appointment_at, l.returned_at,"
                        + " l.return_channel, l.result_received_by, l.tracking_number,"
                        // the first assignment: task.assigned is the first IN_PROCESS line naming an agency
                        + " (select min(t.at) from dossier_timeline t where t.code = s.code and t.status = 'IN_PROCESS'"
                        + " and t.agency is not null), s.processed_at, s.stopped_at, s.withdrawn_at, coalesce(l.sets, 1)"
                        + " from dossier_status s left join log_book_entry l on l.code = s.code"
                        + " left join agency_name a on a.code = s.lead_agency"
                        + " where s.received_at >= ?1 and s.received_at < ?2 order by s.received_at, s.code limit ?3")
                .setParameter(1, start)
                .setParameter(2, end)
                .setParameter(3, max + 1)
                .getResultList();
        if (rows.size() > max) {
            throw ProblemException.badRequest("period-too-large", "Kỳ xuất sổ có hơn " + max
                    + " hồ sơ; hãy chọn khoảng thời gian ngắn hơn.");
        }
        return rows.stream().map(r -> new Entry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], Sql.time(r[7]), Sql.time(r[8]), Sql.time(r[9]),
                r[10] == null ? null : ReturnChannel.valueOf((String) r[10]), (String) r[11], (String) r[12],
                Sql.time(r[13]), Sql.time(r[14]), Sql.time(r[15]), Sql.time(r[16]), ((Number) r[17]).intValue())).toList();
    }
}
