package vn.motcua.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import vn.motcua.shared.events.CloudEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * The floor under the next version of a subject, for the events published in this transaction: while a consumer
 * applies an event of version {@code v}, what its effect publishes about the same subject is stamped above {@code v}
 * (docs/ORDERING.md). Held in the transaction, not in the database, so the consumer locks the subjects' counters
 * only after its effects — in the same order as a command, which locks its dossier first.
 */
@ApplicationScoped
public class SubjectClocks {
    private static final String KEY = SubjectClocks.class.getName() + ".floors";

    private final TransactionSynchronizationRegistry transactions;

    public SubjectClocks(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Records that the transaction applies {@code event}: its subject's next version is above the event's. */
    public void floor(CloudEvent<?> event) {
        if (event.subject() == null || event.dossierversion() == null) {
            return;
        }
        floors().merge(event.subject(), event.dossierversion(), Math::max);
    }

    /** The highest version applied so far in this transaction for {@code subject}, 0 when none. */
    long floorOf(String subject) {
        @SuppressWarnings("unchecked")
        Map<String, Long> floors = (Map<String, Long>) transactions.getResource(KEY);
        return floors == null ? 0 : floors.getOrDefault(subject, 0L);
    }

    private Map<String, Long> floors() {
        @SuppressWarnings("unchecked")
        Map<String, Long> floors = (Map<String, Long>) transactions.getResource(KEY);
        if (floors == null) {
            floors = new HashMap<>();
            transactions.putResource(KEY, floors);
        }
        return floors;
    }
}
