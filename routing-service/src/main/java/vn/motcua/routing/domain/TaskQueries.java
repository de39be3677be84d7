package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agency inbox: what a caller may see, filtered and paged, in due order, with how many open tasks
 * are overdue and due soon; two queries whatever the page size (one aggregate, one page).
 */
@ApplicationScoped
public class TaskQueries {
    private final EntityManager em;
    private final Deadlines deadlines;

    public TaskQueries(EntityManager em, Deadlines deadlines) {
        this.em = em;
        this.deadlines = deadlines;
    }

    /** One page of tasks, how many match in all, and of those the open ones overdue and due soon. */
    public record Found(List<AgencyTask> items, long total, long dueSoon, long overdue) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found inbox(Caller caller, TaskStatus status, String dossier, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.supervisor()) {
            where.append(" and t.agency = :agency");
            parameters.put("agency", caller.agency());
        }
        if (caller.seesOnlyOwnAndUnassigned()) {
            // Issue 24: a task the head gave to a colleague is not this officer's to see in the inbox.
            where.append(" and (t.assignedTo is null or t.assignedTo = :me)");
            parameters.put("me", caller.user());
        }
        if (status != null) {
            where.append(" and t.status = :status");
            parameters.put("status", status);
        }
        if (dossier != null) {
            where.append(" and t.dossierCode = :dossier");
            parameters.put("dossier", dossier);
        }
        OffsetDateTime now = deadlines.now();
        TypedQuery<Object[]> counts = em.createQuery("select count(t),"
                + " coalesce(sum(case when t.status in :open and t.dueAt > :now and t.dueAt <= :soon then 1 else 0 end), 0),"
                + " coalesce(sum(case when t.status in :open and t.dueAt <= :now then 1 else 0 end), 0)"
                + " from AgencyTask t" + where, Object[].class);
        TypedQuery<AgencyTask> items = em.createQuery("select t from AgencyTask t" + where
                + " order by t.dueAt, t.id", AgencyTask.class);
        parameters.forEach((name, value) -> {
            counts.setParameter(name, value);
            items.setParameter(name, value);
        });
        counts.setParameter("open", List.of(TaskStatus.ASSIGNED, TaskStatus.CLAIMED))
                .setParameter("now", now)
                .setParameter("soon", deadlines.dueSoonLimit(now));
        Object[] found = counts.getSingleResult();
        long total = ((Number) found[0]).longValue();
        List<AgencyTask> page0 = total == 0 ? List.of()
                : items.setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                        .setMaxResults(size).getResultList();
        return new Found(page0, total, ((Number) found[1]).longValue(), ((Number) found[2]).longValue());
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
