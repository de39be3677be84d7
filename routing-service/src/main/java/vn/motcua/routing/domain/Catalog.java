package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.catalog.OneStopUnitUpserted;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Routing's copies of the catalogue's agencies and one-stop units, kept from intake's events. Each event
 * carries the item's whole state and its {@code updatedAt}: a row only ever moves to a later state, so a
 * redelivered, repeated or older event (Kafka keeps order per key, but intake's first-start announcement
 * may arrive after a later edit) changes nothing.
 */
@ApplicationScoped
public class Catalog {
    private final EntityManager em;

    public Catalog(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(AgencyUpserted agency) {
        em.createNativeQuery("insert into agency (code, name, active, updated_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict (code) do update set name = excluded.name, active = excluded.active,"
                        + " updated_at = excluded.updated_at where agency.updated_at < excluded.updated_at")
                .setParameter(1, agency.agencyCode())
                .setParameter(2, agency.name())
                .setParameter(3, agency.active())
                .setParameter(4, agency.updatedAt())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(OneStopUnitUpserted unit) {
        em.createNativeQuery("insert into one_stop_unit (code, name, address, active, updated_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)"
                        + " on conflict (code) do update set name = excluded.name, address = excluded.address,"
                        + " active = excluded.active, updated_at = excluded.updated_at"
                        + " where one_stop_unit.updated_at < excluded.updated_at")
                .setParameter(1, unit.unitCode())
                .setParameter(2, unit.name())
                .setParameter(3, unit.address())
                .setParameter(4, unit.active())
                .setParameter(5, unit.updatedAt())
                .executeUpdate();
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(em.find(Agency.class, code));
    }

    public Optional<OneStopUnit> unit(String code) {
        return Optional.ofNullable(em.find(OneStopUnit.class, code));
    }

    /** The names of those of the agencies the copy knows, by code: one query. */
    public Map<String, String> agencyNames(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from Agency a where a.code in :codes", Agency.class)
                .setParameter("codes", codes)
                .getResultStream()
                .collect(Collectors.toMap(a -> a.code, a -> a.name));
    }
}
