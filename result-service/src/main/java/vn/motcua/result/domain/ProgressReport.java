package vn.motcua.result.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.motcua.shared.events.EventJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress counts of Decision 766/QĐ-TTg for a period of whole days (Vietnam time), in total, per lead
 * agency (cơ quan chủ trì, the one that sends the result back) and per procedure. One SQL pass with
 * grouping sets for the dossier counts and one for the ratings, whatever the number of groups.
 *
 * <p>Definitions. A dossier counts from its reception (submitted-only and refused ones are not received).
 * <b>Carried over</b>: received before the period and not finished (processed, stopped or withdrawn) before it.
 * <b>Resolved</b> in the period by the processing verdict: <b>late</b> when routing's {@code onTime} is
 * false; otherwise <b>early</b> when decided on a day before the due date's day, else <b>on time</b>. The
 * verdict and the due date are the law's (issue 20): the statutory due date moved only by lawful pauses, never
 * by the extension, so an extended dossier decided after its statutory date is late;
 * <b>lateWithApology</b> counts the late ones that had the one extension with its apology (Form 04).
 * <b>In progress</b> at the end of the period (or now, if earlier): <b>paused</b> when the clock was stopped
 * then; otherwise <b>overdue</b> past the lawful due date (an extension does not make it within deadline),
 * else <b>within deadline</b>. The lawful due date is the current one (after every pause). So carried over +
 * received = resolved + stopped +
 * withdrawn + paused + overdue + within deadline. <b>Returned</b>: results handed back in the period.
 * <b>Online share</b>: online receptions over all receptions of the period, in percent.
 * <b>Satisfaction</b>: ratings given in the period, by the overall answer.
 * <b>Steps</b>: the control sheet's per-step verdicts of steps finished in the period, per agency whose step it
 * was (the agency at fault for a late step, whoever leads the dossier); with {@code agency}, that agency's only.
 */
@ApplicationScoped
public class ProgressReport {
    private final EntityManager em;

    public ProgressReport(EntityManager em) {
        this.em = em;
    }

    public record Received(long online, long counter, long postal, long carriedOver, long total) {
    }

    public record Resolved(long early, long onTime, long late, long lateWithApology, long total) {
    }

    public record InProgress(long withinDeadline, long overdue, long total) {
    }

    public record SatisfactionCounts(long ratings, long verySatisfied, long satisfied, long neutral, long dissatisfied,
                                     BigDecimal satisfiedPercent) {
        static final SatisfactionCounts NONE = new SatisfactionCounts(0, 0, 0, 0, 0, null);
    }

    public record Counts(Received received, Resolved resolved, InProgress inProgress, long paused, long stopped,
                         long withdrawn, long returned, BigDecimal onlineSharePercent, SatisfactionCounts satisfaction) {
    }

    public record AgencyRow(String agency, String agencyName, Counts counts) {
    }

    public record ProcedureRow(String procedure, String procedureName, Counts counts) {
    }

    /** Steps an agency finished in the period: on time or late by the step's own due date. */
    public record StepRow(String agency, String agencyName, long finished, long onTime, long late) {
    }

    public record Report(LocalDate from, LocalDate to, String agency, OffsetDateTime asOf, Counts total,
                         List<AgencyRow> agencies, List<ProcedureRow> procedures, List<StepRow> steps) {
    }

    @Transactional
    public Report progress(LocalDate from, LocalDate to, String agency) {
        OffsetDateTime start = from.atStartOfDay(EventJson.VIETNAM).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(EventJson.VIETNAM).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM);
        OffsetDateTime asOf = end.isBefore(now) ? end : now;
        String agencyFilter = agency == null ? "" : " and s.lead_agency = :agency";

        Query dossiers = em.createNativeQuery("""
                with d as (
                  select s.lead_agency, s.procedure_code, s.procedure_name, s.channel, s.received_at, s.appointment_at,
                         s.processed_at, s.processed_due_at, s.processed_on_time, s.stopped_at, s.withdrawn_at, s.returned_at,
                         s.apology_ref, coalesce(s.lawful_due_at, s.appointment_at) as lawful_due_at,
                         coalesce(s.processed_at, s.stopped_at, s.withdrawn_at) as finished_at,
                         exists (select 1 from dossier_pause p where p.code = s.code and p.paused_at < :asOf
                                 and (p.resumed_at is null or p.resumed_at >= :asOf)) as paused_then
                  from dossier_status s
                  where s.received_at is not null and s.received_at < :end
                    and (coalesce(s.processed_at, s.stopped_at, s.withdrawn_at) is null
                         or coalesce(s.processed_at, s.stopped_at, s.withdrawn_at) >= :start
                         or s.returned_at >= :start)""" + agencyFilter + """
                ), f as (
                  select d.*,
                         received_at < :start and (finished_at is null or finished_at >= :start) as carried,
                         received_at >= :start as fresh,
                         processed_at >= :start and processed_at < :end as resolved_now,
                         (finished_at is null or finished_at >= :end) as open_at_end,
                         processed_on_time and (processed_at at time zone 'Asia/Ho_Chi_Minh')::date
                             < (processed_due_at at time zone 'Asia/Ho_Chi_Minh')::date as early
                  from d
                )
                select grouping(lead_agency), grouping(procedure_code), lead_agency, procedure_code, max(procedure_name),
                  count(*) filter (where fresh and channel = 'ONLINE'),
                  count(*) filter (where fresh and channel = 'COUNTER'),
                  count(*) filter (where fresh and channel = 'POSTAL'),
                  count(*) filter (where carried),
                  count(*) filter (where resolved_now and early),
                  count(*) filter (where resolved_now and processed_on_time and not early),
                  count(*) filter (where resolved_now and not processed_on_time),
                  count(*) filter (where open_at_end and not paused_then
                                   and (lawful_due_at is null or lawful_due_at >= :asOf)),
                  count(*) filter (where open_at_end and not paused_then and lawful_due_at < :asOf),
                  count(*) filter (where open_at_end and paused_then),
                  count(*) filter (where stopped_at >= :start and stopped_at < :end),
                  count(*) filter (where withdrawn_at >= :start and withdrawn_at < :end),
                  count(*) filter (where returned_at >= :start and returned_at < :end),
                  count(*) filter (where resolved_now and not processed_on_time and apology_ref is not null)
                from f
                group by grouping sets ((), (lead_agency), (procedure_code))
                """);
        bind(dossiers, start, end, agency).setParameter("asOf", asOf);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = dossiers.getResultList();

        Query ratings = em.createNativeQuery("""
                select grouping(s.lead_agency), grouping(s.procedure_code), s.lead_agency, s.procedure_code,
                  count(*),
                  count(*) filter (where r.overall = 'VERY_SATISFIED'),
                  count(*) filter (where r.overall = 'SATISFIED'),
                  count(*) filter (where r.overall = 'NEUTRAL'),
                  count(*) filter (where r.overall = 'DISSATISFIED')
                from dossier_rating r join dossier_status s on s.code = r.code
                where r.rated_at >= :start and r.rated_at < :end""" + agencyFilter + """

                group by grouping sets ((), (s.lead_agency), (s.procedure_code))
                """);
        bind(ratings, start, end, agency);
        Map<String, SatisfactionCounts> satisfaction = new HashMap<>();
        for (Object[] r : castRows(ratings.getResultList())) {
            long count = Sql.count(r[4]);
            long very = Sql.count(r[5]);
            long satisfied = Sql.count(r[6]);
            satisfaction.put(groupKey(r), new SatisfactionCounts(count, very, satisfied, Sql.count(r[7]),
                    Sql.count(r[8]), percent(very + satisfied, count)));
        }

        Map<String, String> names = agencyNames();
        Counts total = null;
        List<AgencyRow> agencies = new ArrayList<>();
        List<ProcedureRow> procedures = new ArrayList<>();
        for (Object[] r : rows) {
            Received received = new Received(Sql.count(r[5]), Sql.count(r[6]), Sql.count(r[7]), Sql.count(r[8]),
                    Sql.count(r[5]) + Sql.count(r[6]) + Sql.count(r[7]) + Sql.count(r[8]));
            Resolved resolved = new Resolved(Sql.count(r[9]), Sql.count(r[10]), Sql.count(r[11]), Sql.count(r[18]),
                    Sql.count(r[9]) + Sql.count(r[10]) + Sql.count(r[11]));
            InProgress inProgress = new InProgress(Sql.count(r[12]), Sql.count(r[13]),
                    Sql.count(r[12]) + Sql.count(r[13]));
            long receivedNow = received.online() + received.counter() + received.postal();
            Counts counts = new Counts(received, resolved, inProgress, Sql.count(r[14]), Sql.count(r[15]),
                    Sql.count(r[16]), Sql.count(r[17]), percent(received.online(), receivedNow),
                    satisfaction.getOrDefault(groupKey(r), SatisfactionCounts.NONE));
            int groupedAgency = ((Number) r[0]).intValue();
            int groupedProcedure = ((Number) r[1]).intValue();
            if (groupedAgency == 1 && groupedProcedure == 1) {
                total = counts;
            } else if (groupedAgency == 0) {
                String code = (String) r[2];
                agencies.add(new AgencyRow(code, code == null ? null : names.get(code), counts));
            } else {
                procedures.add(new ProcedureRow((String) r[3], (String) r[4], counts));
            }
        }
        if (total == null) {
            total = new Counts(new Received(0, 0, 0, 0, 0), new Resolved(0, 0, 0, 0, 0), new InProgress(0, 0, 0),
                    0, 0, 0, 0, null, satisfaction.getOrDefault("total", SatisfactionCounts.NONE));
        }
        agencies.sort((a, b) -> String.valueOf(a.agency()).compareTo(String.valueOf(b.agency())));
        procedures.sort((a, b) -> String.valueOf(a.procedure()).compareTo(String.valueOf(b.procedure())));
        return new Report(from, to, agency, asOf, total, agencies, procedures, steps(start, end, agency, names));
    }

    /** The per-step verdicts of the period by the agency whose step it was. One statement. */
    private List<StepRow> steps(OffsetDateTime start, OffsetDateTime end, String agency, Map<String, String> names) {
        Query steps = em.createNativeQuery("select agency, count(*), count(*) filter (where on_time),"
                + " count(*) filter (where not on_time) from step_verdict"
                + " where completed_at >= :start and completed_at < :end" + (agency == null ? "" : " and agency = :agency")
                + " group by agency order by agency");
        bind(steps, start, end, agency);
        return castRows(steps.getResultList()).stream().map(r -> new StepRow((String) r[0], names.get((String) r[0]),
                Sql.count(r[1]), Sql.count(r[2]), Sql.count(r[3]))).toList();
    }

    private static Query bind(Query query, OffsetDateTime start, OffsetDateTime end, String agency) {
        query.setParameter("start", start).setParameter("end", end);
        if (agency != null) {
            query.setParameter("agency", agency);
        }
        return query;
    }

    /** "total", "a:CODE" or "p:CODE": which grouping set a row belongs to. */
    private static String groupKey(Object[] row) {
        if (((Number) row[0]).intValue() == 1 && ((Number) row[1]).intValue() == 1) {
            return "total";
        }
        return ((Number) row[0]).intValue() == 0 ? "a:" + row[2] : "p:" + row[3];
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        em.createQuery("select a from AgencyName a", AgencyName.class).getResultList()
                .forEach(a -> names.put(a.code, a.name));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> castRows(List<?> rows) {
        return (List<Object[]>) rows;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
