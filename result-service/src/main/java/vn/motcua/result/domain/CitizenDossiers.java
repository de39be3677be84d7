package vn.motcua.result.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.crypto.Hmacs;
import vn.motcua.result.config.ResultConfig;

import java.util.List;

/**
 * A logged-in citizen's own dossiers, found by the keyed HMAC of their citizen ID that intake puts on
 * {@code submitted} and {@code received} (same key, same {@link Hmacs} call), so the ID itself is never stored.
 */
@ApplicationScoped
public class CitizenDossiers {
    private final EntityManager em;
    private final String key;

    public CitizenDossiers(EntityManager em, ResultConfig config) {
        this.em = em;
        this.key = config.citizenLinkKey();
    }

    /** The citizen-link HMAC of a citizen ID, exactly as intake computes it. */
    public String link(String citizenId) {
        return Hmacs.sha256Hex(key, citizenId);
    }

    /** The newest first. Two queries whatever the page size. */
    @Transactional
    public Page<DossierStatus> of(String citizenId, Page.Request paging) {
        String link = link(citizenId);
        // A partial row (no PIN yet) is not shown here either.
        long total = em.createQuery("select count(s) from DossierStatus s where s.citizenIdHmac = :link"
                        + " and s.pinHmac is not null", Long.class)
                .setParameter("link", link).getSingleResult();
        List<DossierStatus> items = em.createQuery("select s from DossierStatus s where s.citizenIdHmac = :link"
                        + " and s.pinHmac is not null order by coalesce(s.receivedAt, s.submittedAt) desc, s.code desc",
                        DossierStatus.class)
                .setParameter("link", link)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
        return new Page<>(items, paging.page(), paging.size(), total);
    }
}
