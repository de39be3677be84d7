package vn.motcua.platform.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Publishes outbox rows to Kafka, lane by lane. A pass over a lane holds a transaction-scoped advisory
 * lock on it, sends its oldest rows in order, waits for Kafka's acknowledgements ({@code acks=all},
 * idempotent producer) and deletes exactly the rows that were acknowledged, in the same transaction.
 * So: several instances never publish the same lane at once (per-dossier order holds), and a relay
 * killed between sending and deleting sends those rows again on its next pass (at least once; every
 * consumer deduplicates on the event id).
 */
public final class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * What one pass published: event ids in send order, how long each waited in the outbox, and whether
     * some rows could not be sent (they stay in the outbox for the next pass).
     */
    public record Published(List<UUID> ids, List<Duration> waits, boolean failed) {
        static final Published NONE = new Published(List.of(), List.of(), false);
    }

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final int lockNamespace;
    private final int lanes;
    private final int batchSize;
    private final Duration deliveryTimeout;
    private volatile Consumer<List<UUID>> beforeDelete = ids -> { };

    /**
     * @param lockNamespace first key of the advisory locks; distinct per service so that services sharing
     *                      a database do not contend for each other's lanes
     */
    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, int lockNamespace,
                       int lanes, int batchSize, Duration deliveryTimeout) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.lockNamespace = lockNamespace;
        this.lanes = lanes;
        this.batchSize = batchSize;
        this.deliveryTimeout = deliveryTimeout;
    }

    /** A fault-injection point for tests: runs after Kafka acknowledged a batch and before its rows are deleted. */
    public void beforeDelete(Consumer<List<UUID>> hook) {
        this.beforeDelete = hook;
    }

    /** One pass over every lane; returns what was published. Throws when a lane could not be published. */
    public Published drainOnce() throws SQLException, InterruptedException {
        List<UUID> ids = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        boolean failed = false;
        for (int lane = 0; lane < lanes; lane++) {
            Published published = drainLane(lane);
            ids.addAll(published.ids());
            waits.addAll(published.waits());
            failed |= published.failed();
        }
        return new Published(ids, waits, failed);
    }

    Published drainLane(int lane) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Published published = publishLane(connection, lane);
                connection.commit();
                return published;
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Published publishLane(Connection connection, int lane) throws SQLException, InterruptedException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, lockNamespace);
            lock.setInt(2, lane);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Published.NONE; // another instance is publishing this lane right now
                }
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<OffsetDateTime> created = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, message_key, event::text, created_at from outbox_event"
                        + " where lane = ? order by seq limit ?")) {
            select.setInt(1, lane);
            select.setInt(2, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    created.add(rs.getObject(5, OffsetDateTime.class));
                    sends.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
                }
            }
        }
        if (ids.isEmpty()) {
            return Published.NONE;
        }
        // Delete only the acknowledged prefix: a row after a failed one is sent again, never skipped.
        int acknowledged = 0;
        Exception failure = null;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged++;
            } catch (ExecutionException | TimeoutException e) {
                failure = e;
                break;
            }
        }
        List<UUID> done = ids.subList(0, acknowledged);
        if (!done.isEmpty()) {
            beforeDelete.accept(done);
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("uuid", done.toArray()));
                delete.executeUpdate();
            }
        }
        if (failure != null) {
            LOG.warnf("outbox lane %d: %d of %d events acknowledged, the rest will be retried: %s",
                    lane, acknowledged, ids.size(), failure.getCause() != null ? failure.getCause() : failure);
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Duration> waits = created.subList(0, acknowledged).stream().map(c -> Duration.between(c, now)).toList();
        return new Published(List.copyOf(done), waits, failure != null);
    }
}
