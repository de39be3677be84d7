package vn.motcua.intake.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.intake.messaging.CatalogEvents;

/**
 * Announces the whole catalogue (agencies, one-stop units, procedure versions) on
 * {@code motcua.catalog.events}: once, on the first start, for what migrations seeded; and on an
 * administrator's request, e.g. after a new service joined or a local copy was lost. Consumers upsert,
 * so announcing again changes nothing that is already known.
 */
@ApplicationScoped
public class CatalogueAnnouncement {
    private static final Logger LOG = Logger.getLogger(CatalogueAnnouncement.class);

    private final EntityManager em;
    private final Catalogue catalogue;

    public CatalogueAnnouncement(EntityManager em, Catalogue catalogue) {
        this.em = em;
        this.catalogue = catalogue;
    }

    void onStart(@Observes StartupEvent start) {
        int items = QuarkusTransaction.requiringNew().call(this::announceOnce);
        if (items > 0) {
            LOG.infof("announced the seeded catalogue: %d items on %s", items, CatalogEvents.TOPIC);
        }
    }

    /** The first call ever announces everything and returns how many items; later calls return 0. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int announceOnce() {
        int claimed = em.createNativeQuery(
                        "insert into catalogue_announcement (id, announced_at, items) values (1, now(), 0) on conflict do nothing")
                .executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        int items = announceAll();
        em.createNativeQuery("update catalogue_announcement set items = ?1 where id = 1").setParameter(1, items)
                .executeUpdate();
        return items;
    }

    /** Publishes every agency, unit and procedure version as it is now, parents first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int announceAll() {
        int items = 0;
        for (Agency agency : Agency.<Agency>list("order by code")) {
            catalogue.publish(CatalogEvents.agency(agency));
            items++;
        }
        for (OneStopUnit unit : OneStopUnit.<OneStopUnit>list("order by code")) {
            catalogue.publish(CatalogEvents.unit(unit));
            items++;
        }
        for (ProcedureVersion version : ProcedureVersion.<ProcedureVersion>list("order by code, version")) {
            catalogue.publish(CatalogEvents.published(version));
            items++;
        }
        return items;
    }
}
