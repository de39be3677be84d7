package vn.motcua.platform.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Publishes outbox rows to Kafka in one pass over every lane: one transaction takes a transaction-scoped
 * advisory lock on each lane no other instance holds (one statement), reads their oldest rows in seq order,
 * sends them all, waits once for Kafka's acknowledgements ({@code acks=all}, idempotent producer) and deletes,
 * in one statement, each lane's acknowledged prefix. So: several instances never publish the same lane at
 * once (per-dossier order holds: a dossier's rows share a lane), a row after an unacknowledged one in its lane
 * is sent again rather than skipped, and a relay killed between sending and deleting sends those rows again
 * on its next pass (at least once; every consumer deduplicates on the event id). About five round trips a
 * pass, whatever the number of lanes (one pass per lane took three each, one lane after another).
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

    /** One pass over every lane this instance can lock; returns what was published. */
    public Published drainOnce() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Published published = publish(connection);
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

    private record Row(UUID id, int lane, OffsetDateTime created, Future<RecordMetadata> send) {
    }

    private Published publish(Connection connection) throws SQLException, InterruptedException {
        Array free;
        try (PreparedStatement lock = connection.prepareStatement(
                "select array_agg(lane) from generate_series(0, ? - 1) as lane where pg_try_advisory_xact_lock(?, lane)")) {
            lock.setInt(1, lanes);
            lock.setInt(2, lockNamespace);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                free = rs.getArray(1);
            }
        }
        if (free == null) {
            return Published.NONE; // other instances are publishing every lane right now
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, lane, topic, message_key, event::text, created_at from outbox_event"
                        + " where lane = any(?) order by seq limit ?")) {
            select.setArray(1, free);
            select.setInt(2, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(3), rs.getString(4),
                            rs.getString(5));
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(6, OffsetDateTime.class),
                            producer.send(record)));
                }
            }
        }
        if (rows.isEmpty()) {
            return Published.NONE;
        }
        // Delete each lane's acknowledged prefix only: a row after a failed one in its lane is sent again, never skipped.
        Set<Integer> stopped = new HashSet<>();
        List<UUID> done = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        Exception failure = null;
        OffsetDateTime now = OffsetDateTime.now();
        for (Row row : rows) {
            if (stopped.contains(row.lane())) {
                continue;
            }
            try {
                row.send().get(deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
                done.add(row.id());
                waits.add(Duration.between(row.created(), now));
            } catch (ExecutionException | TimeoutException e) {
                stopped.add(row.lane());
                failure = e;
            }
        }
        if (!done.isEmpty()) {
            beforeDelete.accept(done);
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("uuid", done.toArray()));
                delete.executeUpdate();
            }
        }
        if (failure != null) {
            LOG.warnf("outbox: %d of %d events acknowledged, lanes %s will be retried: %s", done.size(), rows.size(),
                    stopped, failure.getCause() != null ? failure.getCause() : failure);
        }
        return new Published(List.copyOf(done), waits, failure != null);
    }
}
