package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * The head's report per officer (issue 24): of the agency's steps completed in a period (Vietnam's dates,
 * both included), per officer who handled them (who held the task: the assignee or the one who claimed it)
 * and per step, how many were finished early (on an earlier day than due), on time and late; the same
 * verdicts as Form 06 (trước hạn / đúng hạn / quá hạn), against each step's own due date. One query.
 */
@ApplicationScoped
public class OfficerReports {
    private final EntityManager em;

    public OfficerReports(EntityManager em) {
        this.em = em;
    }

    public record Line(String officer, String stepId, long completed, long early, long onTime, long late) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Line> of(Caller head, LocalDate from, LocalDate to) {
        if (!head.lead()) {
            throw AgencyWork.forbidden("forbidden", "Chỉ lãnh đạo cơ quan xem báo cáo theo cán bộ.");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select coalesce(claimed_by, completed_by) as officer, step_id, count(*),
                               count(*) filter (where completed_at <= due_at
                                   and (completed_at at time zone 'Asia/Ho_Chi_Minh')::date
                                       < (due_at at time zone 'Asia/Ho_Chi_Minh')::date),
                               count(*) filter (where completed_at <= due_at
                                   and (completed_at at time zone 'Asia/Ho_Chi_Minh')::date
                                       >= (due_at at time zone 'Asia/Ho_Chi_Minh')::date),
                               count(*) filter (where completed_at > due_at)
                        from agency_task
                        where agency = :agency and status = 'COMPLETED'
                          and completed_at >= (cast(:from as date)::timestamp at time zone 'Asia/Ho_Chi_Minh')
                          and completed_at < ((cast(:to as date) + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
                        group by 1, 2
                        order by 1, 2""")
                .setParameter("agency", head.agency())
                .setParameter("from", from.toString())
                .setParameter("to", to.toString())
                .getResultList();
        return rows.stream().map(r -> new Line((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList();
    }
}
