package vn.motcua.result.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.motcua.platform.tx.AfterCommit;

/**
 * Agencies' names as the events last gave them ({@code agency_name}), with a copy in memory. Every assignment
 * carries its agency's name; writing it each time made result's three consumers queue on the same row (an
 * upsert locks the row it meets even when nothing changes: issue 18). Now only a name not yet known, or
 * changed, is written, and the copy learns a name once its transaction committed, so a rolled-back write is
 * written again next time.
 */
@ApplicationScoped
public class AgencyNames {
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, String> committed = new ConcurrentHashMap<>();

    public AgencyNames(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Records {@code name} for {@code code} in the caller's transaction, unless it is already the stored one. */
    public void keep(String code, String name) {
        if (code == null || name == null || name.isBlank()) {
            return;
        }
        String cut = StatusProjection.cut(name, 300);
        if (cut.equals(committed.get(code))) {
            return;
        }
        em.createNativeQuery("insert into agency_name (code, name) values (?1, ?2)"
                        + " on conflict (code) do update set name = excluded.name where agency_name.name <> excluded.name")
                .setParameter(1, code)
                .setParameter(2, cut)
                .executeUpdate();
        AfterCommit.run(transactions, () -> committed.put(code, cut));
    }

    /** The name of {@code code}, or the code itself when no event named it yet. */
    public String of(String code) {
        if (code == null) {
            return null;
        }
        String known = committed.get(code);
        if (known != null) {
            return known;
        }
        AgencyName stored = em.find(AgencyName.class, code);
        return stored == null ? code : stored.name;
    }

    /** The table was emptied (a replay of the read model): forget the copy. */
    public void forget() {
        committed.clear();
    }
}
