package vn.motcua.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.motcua.platform.config.ServiceConfig;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Chains the audit log (docs/AUDIT.md): each pass, in one transaction, locks the chain's head, takes the committed
 * entries not yet sealed in id order, gives each the next position and the hash over its predecessor's hash and its
 * own fields, moves the head, and signs a checkpoint every {@code checkpoint-entries} entries or
 * {@code checkpoint-interval}. The lock on the head makes instances of a service seal one after another. An entry is
 * committed unsealed and sealed within a pass (half a second): the window in which a change to it with SQL would go
 * unnoticed, as a certificate-transparency log's merge delay.
 */
@ApplicationScoped
public class AuditSealer {
    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    private static final int BATCH = 2_000;

    private final AgroalDataSource dataSource;
    private final ServiceConfig.Audit config;
    private final String service;
    private final SigningKey key;
    private volatile Thread thread;
    private volatile boolean running;

    public AuditSealer(AgroalDataSource dataSource, ServiceConfig config) {
        this.dataSource = dataSource;
        this.config = config.audit();
        this.service = config.service();
        this.key = SigningKey.fromSecret(config.audit().signingKey());
    }

    public SigningKey key() {
        return key;
    }

    public String service() {
        return service;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("audit log disabled by configuration (motcua.audit.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "audit-sealer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void loop() {
        long backoff = config.sealInterval().toMillis();
        while (running) {
            try {
                int sealed = sealOnce();
                backoff = config.sealInterval().toMillis();
                if (sealed < BATCH) {
                    Thread.sleep(backoff);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("audit sealing pass failed, retrying in %d ms: %s", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** One pass: seals up to a batch of committed entries. Returns how many. Tests call it to seal at once. */
    public int sealOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sealed = seal(connection);
                connection.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int seal(Connection connection) throws SQLException {
        long seq;
        String hash;
        try (PreparedStatement head = connection.prepareStatement("select seq, hash from audit_head for update");
             ResultSet rs = head.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        List<Long> ids = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<String> prevs = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement unsealed = connection.prepareStatement(
                "select id, recorded_at, kind, type, subject, actor, payload from audit_entry where seq is null"
                        + " order by id limit " + BATCH);
             ResultSet rs = unsealed.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                long micros = AuditChain.micros(rs.getObject(2, OffsetDateTime.class).toInstant());
                seq++;
                String next = AuditChain.hash(hash, seq, id, micros, rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7));
                ids.add(id);
                seqs.add(seq);
                prevs.add(hash);
                hashes.add(next);
                hash = next;
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update audit_entry a set seq = v.seq, prev_hash = v.prev, hash = v.hash"
                            + " from unnest(?, ?, ?, ?) as v(id, seq, prev, hash) where a.id = v.id");
                 PreparedStatement head = connection.prepareStatement(
                         "update audit_head set seq = ?, hash = ?, sealed_at = now()")) {
                update.setArray(1, array(connection, "bigint", ids));
                update.setArray(2, array(connection, "bigint", seqs));
                update.setArray(3, array(connection, "text", prevs));
                update.setArray(4, array(connection, "text", hashes));
                update.executeUpdate();
                head.setLong(1, seq);
                head.setString(2, hash);
                head.executeUpdate();
            }
        }
        checkpointIfDue(connection, seq, hash);
        return ids.size();
    }

    private void checkpointIfDue(Connection connection, long seq, String hash) throws SQLException {
        if (seq == 0) {
            return;
        }
        long lastSeq = 0;
        Instant lastAt = Instant.EPOCH;
        try (PreparedStatement last = connection.prepareStatement(
                "select seq, signed_at from audit_checkpoint order by seq desc limit 1");
             ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                lastSeq = rs.getLong(1);
                lastAt = rs.getObject(2, OffsetDateTime.class).toInstant();
            }
        }
        Instant now = Instant.now();
        boolean due = seq - lastSeq >= config.checkpointEntries()
                || (seq > lastSeq && Duration.between(lastAt, now).compareTo(config.checkpointInterval()) >= 0);
        if (!due) {
            return;
        }
        long signedAt = now.toEpochMilli();
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                key.sign(AuditChain.checkpointMessage(service, seq, hash, signedAt)));
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_checkpoint (seq, hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, hash);
            insert.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(signedAt)));
            insert.setString(4, key.keyId());
            insert.setString(5, signature);
            insert.executeUpdate();
        }
    }

    private static Array array(Connection connection, String type, List<?> values) throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }
}
