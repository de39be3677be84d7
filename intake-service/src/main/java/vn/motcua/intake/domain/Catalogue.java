package vn.motcua.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.messaging.CatalogEvents;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.platform.tx.AfterCommit;
import vn.motcua.shared.events.CloudEvent;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The catalogue as reception reads it, from memory (issue 18, item 3: two queries of every reception were the unit
 * and the procedure version in force), and the one way the catalogue is changed: {@link #publish} of its event.
 * <p>Only what exists is kept (a procedure or unit created a moment ago is never hidden by a remembered miss), for
 * at most {@code motcua.intake.catalogue-max-age} (5 s). This instance's own changes empty it at once and
 * again after their commit; another instance's are seen within the max age — a version or an end date takes effect
 * on a day, so a few seconds more of the old one is the same as an officer who pressed the button a little earlier.
 * The entities held are detached copies: read them, never change them.
 */
@ApplicationScoped
public class Catalogue {
    private record Held<T>(T value, long readAt) {
    }

    private record VersionKey(String code, LocalDate day) {
    }

    private final ConcurrentHashMap<VersionKey, Held<ProcedureVersion>> versions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Held<OneStopUnit>> units = new ConcurrentHashMap<>();
    private final Outbox outbox;
    private final TransactionSynchronizationRegistry transactions;
    private final long maxAgeNanos;
    private final AtomicLong generation = new AtomicLong();

    public Catalogue(Outbox outbox, TransactionSynchronizationRegistry transactions, IntakeConfig config) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.maxAgeNanos = config.catalogueMaxAge().toNanos();
    }

    /** The version of {@code code} in force on {@code day}, if any. */
    public Optional<ProcedureVersion> procedureInForce(String code, LocalDate day) {
        return Optional.ofNullable(read(versions, new VersionKey(code, day),
                () -> ProcedureVersion.inForce(code, day).orElse(null)));
    }

    /** The one-stop unit of {@code code}, active or not, or null. */
    public OneStopUnit unit(String code) {
        return read(units, code, () -> OneStopUnit.findById(code));
    }

    /** Publishes a change of the catalogue in the caller's transaction and forgets what was read before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(CloudEvent<?> event) {
        outbox.publish(CatalogEvents.TOPIC, event);
        forget();
        AfterCommit.run(transactions, this::forget);
    }

    void forget() {
        generation.incrementAndGet();
        versions.clear();
        units.clear();
    }

    private <K, T> T read(ConcurrentHashMap<K, Held<T>> held, K key, Supplier<T> load) {
        long now = System.nanoTime();
        Held<T> current = held.get(key);
        if (current != null && now - current.readAt() <= maxAgeNanos) {
            return current.value();
        }
        long before = generation.get();
        T value = load.get();
        // kept only if no change was published meanwhile: a read begun before it may hold what it replaced
        if (value != null && generation.get() == before) {
            held.put(key, new Held<>(value, now));
        } else if (value == null) {
            held.remove(key);
        }
        return value;
    }
}
