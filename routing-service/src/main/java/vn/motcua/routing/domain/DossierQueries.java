package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;

import java.util.List;

/**
 * A dossier as routing keeps it, for the agencies involved and for supervisors: its clock (due dates,
 * pause, extension, stop, obligations) and its tasks in handover order (the rows of Form 06, the control sheet). Officers of
 * an agency that never had a task of the dossier get 404, as if it did not exist.
 */
@ApplicationScoped
public class DossierQueries {
    private final EntityManager em;

    public DossierQueries(EntityManager em) {
        this.em = em;
    }

    /** The dossier, its tasks in handover order and its obligations: three queries. */
    public record Found(RoutedDossier dossier, List<AgencyTask> tasks, List<FinancialObligation> obligations) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found visible(String code, Caller caller) {
        RoutedDossier dossier = em.find(RoutedDossier.class, code);
        if (dossier == null) {
            throw notFound(code);
        }
        List<AgencyTask> tasks = em.createQuery("select t from AgencyTask t where t.dossierCode = :code"
                        + " order by t.assignedAt, t.stageIndex, t.stepId, t.id", AgencyTask.class)
                .setParameter("code", code)
                .getResultList();
        if (!caller.supervisor() && tasks.stream().noneMatch(caller::acts)) {
            throw notFound(code);
        }
        List<FinancialObligation> obligations = em.createQuery("select o from FinancialObligation o"
                        + " where o.dossierCode = :code order by o.requestedAt", FinancialObligation.class)
                .setParameter("code", code)
                .getResultList();
        return new Found(dossier, tasks, obligations);
    }

    static ProblemException notFound(String code) {
        return ProblemException.notFound("Không có hồ sơ " + code + ".");
    }
}
