package vn.motcua.platform.inbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import vn.motcua.platform.config.ServiceConfig;
import vn.motcua.platform.outbox.SubjectClocks;
import vn.motcua.platform.problem.DatabaseErrors;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How every Kafka consumer applies events: parse the CloudEvents envelope, then, in one transaction,
 * record the event id and run the effect, so that a redelivered event changes nothing.
 * <p>{@link #applyBatch} takes a whole poll: records of types the consumer does not use are skipped before
 * they are parsed; the rest are applied in <b>one transaction</b> — their ids recorded in one statement
 * (duplicates dropped), the dossiers they concern locked in one fixed order (no deadlock between overlapping
 * batches of the same service, e.g. result's three topics or two instances after a rebalance), then each
 * effect in the order of the poll (per partition: offset order). A batch that fails for any reason but an
 * unreachable database is applied again one event at a time, so only the bad event is parked.
 * <ul>
 *   <li>A record that is not an event is parked in {@code dead_letter_event} and skipped.</li>
 *   <li>While the database is unreachable the effect is retried with back-off, holding the partition,
 *       so that nothing is skipped and order is kept.</li>
 *   <li>An effect that keeps failing for another reason is parked after a few tries, with its error,
 *       for an operator to replay; the partition moves on.</li>
 * </ul>
 */
@ApplicationScoped
public class InboundEvents {
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final int ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ProcessedEvents processed;
    private final SubjectClocks clocks;
    private final AgroalDataSource dataSource;
    private final Instance<EntityManager> entityManagers;
    private final int lockNamespace;
    private volatile EntityManager entityManager;
    private volatile boolean noEntityManager;

    public InboundEvents(ProcessedEvents processed, SubjectClocks clocks, AgroalDataSource dataSource,
                         Instance<EntityManager> entityManagers, ServiceConfig config) {
        this.processed = processed;
        this.clocks = clocks;
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
        this.lockNamespace = ("inbox:" + config.service()).hashCode();
    }

    /** What became of one delivery. */
    public enum Outcome { APPLIED, DUPLICATE, PARKED }

    /** What became of a poll: how many events were applied, were duplicates, skipped unused, parked. */
    public record BatchOutcome(int applied, int duplicates, int skipped, int parked, boolean oneByOne) {
    }

    private record Parsed(ConsumerRecord<String, String> record, CloudEvent<JsonNode> event) {
    }

    /**
     * Applies a poll's records for {@code consumer} (see the class comment). Call it from a blocking, ordered
     * {@code @Incoming} method of a channel with {@code batch=true}; it opens its own transaction.
     */
    public BatchOutcome applyBatch(String consumer, Iterable<ConsumerRecord<String, String>> records, Handlers handlers)
            throws InterruptedException {
        List<Parsed> batch = new ArrayList<>();
        int skipped = 0;
        int parked = 0;
        for (ConsumerRecord<String, String> record : records) {
            String type = peekType(record.value());
            if (type != null && !handlers.wants(type)) {
                skipped++;
                continue;
            }
            CloudEvent<JsonNode> event;
            try {
                event = EventJson.read(record.value());
            } catch (EventJson.MalformedEventException e) {
                LOG.errorf("%s: unreadable record on %s (key %s) parked: %s", consumer, record.topic(), record.key(),
                        e.getMessage());
                park(consumer, null, record.topic(), record.key(), record.value(), e);
                parked++;
                continue;
            }
            if (!handlers.wants(event.type())) {
                skipped++;
                continue;
            }
            batch.add(new Parsed(record, event));
        }
        if (batch.isEmpty()) {
            return new BatchOutcome(0, 0, skipped, parked, false);
        }
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> applyAll(consumer, batch, handlers));
                return new BatchOutcome(applied, batch.size() - applied, skipped, parked, false);
            } catch (RuntimeException e) {
                if (!DatabaseErrors.unreachable(e)) {
                    LOG.warnf("%s: a batch of %d events failed (%s), applying them one at a time", consumer,
                            batch.size(), e.toString());
                    return oneByOne(consumer, batch, handlers, skipped, parked);
                }
                LOG.warnf("%s: database unreachable while applying a batch of %d, retrying in %s", consumer,
                        batch.size(), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private BatchOutcome oneByOne(String consumer, List<Parsed> batch, Handlers handlers, int skipped, int parked)
            throws InterruptedException {
        int applied = 0;
        int duplicates = 0;
        for (Parsed p : batch) {
            ConsumerRecord<String, String> r = p.record();
            switch (applyParsed(consumer, r.topic(), r.key(), r.value(), p.event(), event -> {
                handlers.prefetch(List.of(event));
                handlers.dispatch(event);
            })) {
                case APPLIED -> applied++;
                case DUPLICATE -> duplicates++;
                case PARKED -> parked++;
            }
        }
        return new BatchOutcome(applied, duplicates, skipped, parked, true);
    }

    private int applyAll(String consumer, List<Parsed> batch, Handlers handlers) {
        Set<UUID> fresh = processed.firstDeliveries(consumer, batch.stream().map(p -> p.event().id()).toList());
        if (fresh.isEmpty()) {
            return 0;
        }
        TreeSet<String> keys = new TreeSet<>();
        for (Parsed p : batch) {
            if (fresh.contains(p.event().id()) && p.record().key() != null) {
                keys.add(p.record().key());
            }
        }
        lockInOrder(keys);
        handlers.prefetch(batch.stream().map(Parsed::event).filter(e -> fresh.contains(e.id())).toList());
        int applied = 0;
        Set<UUID> pending = new HashSet<>(fresh);
        for (Parsed p : batch) {
            if (!pending.remove(p.event().id())) {
                continue; // seen before, or a second copy in this poll
            }
            clocks.floor(p.event());
            handlers.dispatch(p.event());
            betweenEvents();
            applied++;
        }
        raiseClocks(batch.stream().map(Parsed::event).filter(e -> fresh.contains(e.id())).toList());
        return applied;
    }

    /**
     * Transaction-scoped advisory locks on the batch's dossier keys, taken in one statement in ascending order
     * of their hash: two batches of this service that share dossiers wait for each other instead of locking
     * rows in opposite orders.
     */
    private void lockInOrder(TreeSet<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(pg_advisory_xact_lock(?, k)) from"
                        + " (select distinct hashtext(key) as k from unnest(?::text[]) as key order by 1) ordered")) {
            s.setInt(1, lockNamespace);
            s.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the batch's dossiers", e);
        }
    }

    /**
     * Raises this service's counter of each subject to the highest {@code dossierversion} applied, in one statement,
     * after the effects (which took their dossiers' locks first, as commands do: the same order everywhere, no
     * deadlock); an event the effects published meanwhile was stamped above its cause through
     * {@link SubjectClocks#floor} (docs/ORDERING.md). Events without a version (written before it existed) leave the
     * counters alone.
     */
    private void raiseClocks(List<CloudEvent<JsonNode>> events) {
        Map<String, Long> highest = new TreeMap<>();
        for (CloudEvent<JsonNode> e : events) {
            if (e.subject() != null && e.dossierversion() != null) {
                highest.merge(e.subject(), e.dossierversion(), Math::max);
            }
        }
        if (highest.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into dossier_clock (subject, version) select * from unnest(?::text[], ?::bigint[])"
                        + " on conflict (subject) do update set version = greatest(dossier_clock.version, excluded.version),"
                        + " touched_at = now()")) {
            s.setArray(1, c.createArrayOf("text", highest.keySet().toArray()));
            s.setArray(2, c.createArrayOf("bigint", highest.values().toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not raise the subjects' clocks", e);
        }
    }

    /**
     * Each event of a batch starts from an empty persistence context, as it would in a transaction of its own:
     * its changes are flushed and the entities let go, so a poll of hundreds of events neither grows the session
     * nor makes every query dirty-check all of them.
     */
    private void betweenEvents() {
        EntityManager em = entityManager();
        if (em != null) {
            em.flush();
            em.clear();
        }
    }

    private EntityManager entityManager() {
        if (noEntityManager) {
            return null;
        }
        if (entityManager == null) {
            try {
                EntityManager em = entityManagers.get();
                em.isJoinedToTransaction(); // fails here when the service has no persistence unit
                entityManager = em;
            } catch (RuntimeException e) {
                noEntityManager = true; // plain JDBC (notification): nothing to flush
                return null;
            }
        }
        return entityManager;
    }

    /**
     * The {@code type} of a CloudEvents JSON envelope, read without building the tree: null when the record is
     * not such an object (it is then parsed in full, and parked).
     */
    static String peekType(String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser parser = EventJson.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Applies {@code effect} to one parsed event exactly once for {@code consumer}, in a transaction of its own: the
     * path of a batch that failed, so that only the event at fault is parked.
     */
    private Outcome applyParsed(String consumer, String topic, String key, String json, CloudEvent<JsonNode> event,
                                Consumer<CloudEvent<JsonNode>> effect) throws InterruptedException {
        Duration backoff = Duration.ofMillis(100);
        int failures = 0;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.firstDelivery(consumer, event.id())) {
                        return false;
                    }
                    clocks.floor(event);
                    effect.accept(event);
                    raiseClocks(List.of(event));
                    return true;
                });
                return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
            } catch (RuntimeException e) {
                if (DatabaseErrors.unreachable(e)) {
                    LOG.warnf("%s: database unreachable while applying %s %s, retrying in %s",
                            consumer, event.type(), event.id(), backoff);
                } else if (++failures >= ATTEMPTS) {
                    LOG.errorf(e, "%s: %s %s failed %d times, parked for replay", consumer, event.type(), event.id(), failures);
                    park(consumer, event, topic, key, json, e);
                    return Outcome.PARKED;
                } else {
                    LOG.warnf("%s: %s %s failed (%s), retrying", consumer, event.type(), event.id(), e.toString());
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void park(String consumer, CloudEvent<JsonNode> event, String topic, String key, String json,
                      Exception error) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into dead_letter_event (consumer, event_id, topic, message_key, payload, error)"
                                 + " values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, consumer);
                insert.setObject(2, event == null ? null : event.id());
                insert.setString(3, topic);
                insert.setString(4, key);
                insert.setString(5, json);
                insert.setString(6, String.valueOf(error));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not park event for " + consumer, e);
            }
        });
    }
}
