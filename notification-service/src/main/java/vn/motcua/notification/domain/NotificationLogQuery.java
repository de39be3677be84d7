package vn.motcua.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;

/** Pages of the delivery log, oldest first, in two queries whatever the page size. */
@ApplicationScoped
public class NotificationLogQuery {
    private final EntityManager em;

    public NotificationLogQuery(EntityManager em) {
        this.em = em;
    }

    public record Page(List<NotificationLogEntry> items, long total) {
    }

    /** One page, of one dossier's entries when {@code dossierCode} is given, else of all entries. */
    public Page page(String dossierCode, int page, int size) {
        String where = dossierCode == null ? "" : " where e.dossierCode = :code";
        TypedQuery<NotificationLogEntry> items = em.createQuery(
                "select e from NotificationLogEntry e" + where + " order by e.createdAt, e.id", NotificationLogEntry.class);
        TypedQuery<Long> total = em.createQuery("select count(e) from NotificationLogEntry e" + where, Long.class);
        if (dossierCode != null) {
            items.setParameter("code", dossierCode);
            total.setParameter("code", dossierCode);
        }
        return new Page(items.setFirstResult(page * size).setMaxResults(size).getResultList(), total.getSingleResult());
    }
}
