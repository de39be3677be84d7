package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agency inbox: what a caller may see, filtered and paged, in due order, with how many open tasks
 * are overdue and due soon; two round trips whatever the page size (the counts, one page).
 */
@ApplicationScoped
public class TaskQueries {
    private final EntityManager em;
    private final Deadlines deadlines;

    public TaskQueries(EntityManager em, Deadlines deadlines) {
        this.em = em;
        this.deadlines = deadlines;
    }

    /**
     * Counting stops here. An inbox's figures cost what they count: with every matching row read, the justice office
     * of the load benchmark (51,673 open tasks) took 33 ms per page for its counts alone, and 100 pages a second
     * queued for seconds (docs/BENCHMARKS.md). Capped at 1,000 the three counts take 1–3 ms there (10,000: 7–13 ms).
     * Past the cap a figure means "at least" ({@link Found#capped()}), as a search engine's hit count does; below it
     * every figure is exact. No officer pages through a thousand tasks: they filter.
     */
    public static final int COUNT_CAP = 1_000;

    /**
     * One page of tasks, how many match in all, and of those the open ones overdue and due soon; each count exact up
     * to {@link #COUNT_CAP} and that cap beyond it ({@code capped}).
     */
    public record Found(List<AgencyTask> items, long total, long dueSoon, long overdue, boolean capped) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found inbox(Caller caller, TaskStatus status, String dossier, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.supervisor()) {
            where.append(" and t.agency = :agency");
            parameters.put("agency", caller.agency());
        }
        if (caller.seesOnlyOwnAndUnassigned()) {
            // Issue 24: a task the head gave to a colleague is not this officer's to see in the inbox.
            where.append(" and (t.assigned_to is null or t.assigned_to = :me)");
            parameters.put("me", caller.user());
        }
        if (dossier != null) {
            where.append(" and t.dossier_code = :dossier");
            parameters.put("dossier", dossier);
        }
        if (status != null) {
            where.append(" and t.status = :status");
            parameters.put("status", status.name());
        }
        OffsetDateTime now = deadlines.now();
        // Three counts in one round trip, each reading at most COUNT_CAP index entries: the two open ones walk the
        // open tasks' due-date index from its own end, so an inbox of any size costs the same.
        String open = where + " and t.status in " + DeadlineSweep.OPEN;
        Query counts = em.createNativeQuery("select"
                + " (select count(*) from (select 1 from agency_task t" + where + " limit :cap) a),"
                + " (select count(*) from (select 1 from agency_task t" + open
                + " and t.due_at > :now and t.due_at <= :soon limit :cap) b),"
                + " (select count(*) from (select 1 from agency_task t" + open + " and t.due_at <= :now limit :cap) c)");
        Query items = em.createNativeQuery("select t.* from agency_task t" + where + " order by t.due_at, t.id",
                AgencyTask.class);
        parameters.forEach((name, value) -> {
            counts.setParameter(name, value);
            items.setParameter(name, value);
        });
        counts.setParameter("cap", COUNT_CAP)
                .setParameter("now", now)
                .setParameter("soon", deadlines.dueSoonLimit(now));
        Object[] found = (Object[]) counts.getSingleResult();
        long total = ((Number) found[0]).longValue();
        long dueSoon = ((Number) found[1]).longValue();
        long overdue = ((Number) found[2]).longValue();
        @SuppressWarnings("unchecked")
        List<AgencyTask> page0 = total == 0 ? List.of()
                : items.setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                        .setMaxResults(size).getResultList();
        return new Found(page0, total, dueSoon, overdue,
                total >= COUNT_CAP || dueSoon >= COUNT_CAP || overdue >= COUNT_CAP);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgencyTask visible(UUID id, Caller caller) {
        AgencyTask task = em.find(AgencyTask.class, id);
        if (task == null || !caller.sees(task)) {
            throw TaskLocks.notFound(id);
        }
        return task;
    }
}
