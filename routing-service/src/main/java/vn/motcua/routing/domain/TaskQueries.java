package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The agency inbox: what a caller may see, filtered and paged, in due order; two queries per page. */
@ApplicationScoped
public class TaskQueries {
    private final EntityManager em;

    public TaskQueries(EntityManager em) {
        this.em = em;
    }

    /** One page of tasks and how many match in all. */
    public record Found(List<AgencyTask> items, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found inbox(Caller caller, TaskStatus status, String dossier, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.supervisor()) {
            where.append(" and t.agency = :agency");
            parameters.put("agency", caller.agency());
        }
        if (status != null) {
            where.append(" and t.status = :status");
            parameters.put("status", status);
        }
        if (dossier != null) {
            where.append(" and t.dossierCode = :dossier");
            parameters.put("dossier", dossier);
        }
        TypedQuery<Long> count = em.createQuery("select count(t) from AgencyTask t" + where, Long.class);
        TypedQuery<AgencyTask> items = em.createQuery("select t from AgencyTask t" + where
                + " order by t.dueAt, t.id", AgencyTask.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<AgencyTask> found = total == 0 ? List.of()
                : items.setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                        .setMaxResults(size).getResultList();
        return new Found(found, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgencyTask visible(UUID id, Caller caller) {
        AgencyTask task = em.find(AgencyTask.class, id);
        if (task == null || !caller.sees(task)) {
            throw notFound(id);
        }
        return task;
    }

    static ProblemException notFound(Object id) {
        return ProblemException.notFound("Không có nhiệm vụ " + id + ".");
    }
}
