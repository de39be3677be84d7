package vn.motcua.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.platform.config.ServiceConfig;
import vn.motcua.platform.tx.AfterCommit;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Writes events into the transactional outbox, inside the caller's transaction: the event exists if
 * and only if the state change it describes was committed. The {@link OutboxRelay} publishes it later.
 */
@ApplicationScoped
public class Outbox {
    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelayRunner relay;
    private final int lanes;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
                  OutboxRelayRunner relay, ServiceConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.lanes = config.outbox().lanes();
    }

    /**
     * Adds the event to the outbox. The Kafka key is the event's subject (the dossier code), so one
     * dossier's events keep their order on the topic.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, CloudEvent<?> event) {
        String key = event.subject() != null ? event.subject() : event.id().toString();
        // The agroal connection is the one enlisted in the caller's transaction (the same one Hibernate uses).
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into outbox_event (id, topic, message_key, lane, type, event, created_at)"
                             + " values (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            insert.setObject(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setShort(4, (short) laneOf(key, lanes));
            insert.setString(5, event.type());
            insert.setString(6, EventJson.write(event));
            insert.setObject(7, OffsetDateTime.now());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write event " + event.type() + " to the outbox", e);
        }
        wakeRelayAfterCommit();
    }

    /** The lane of a key: stable across instances and restarts (String.hashCode is specified). */
    public static int laneOf(String key, int lanes) {
        return Math.floorMod(key.hashCode(), lanes);
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        AfterCommit.run(transactions, relay::wake);
    }
}
