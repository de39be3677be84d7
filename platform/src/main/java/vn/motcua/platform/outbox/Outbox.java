package vn.motcua.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.platform.audit.AuditLog;
import vn.motcua.platform.config.ServiceConfig;
import vn.motcua.platform.tx.AfterCommit;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    private final SubjectClocks clocks;
    private final AuditLog audit;
    private final int lanes;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
                  OutboxRelayRunner relay, SubjectClocks clocks, AuditLog audit, ServiceConfig config) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.clocks = clocks;
        this.transactions = transactions;
        this.relay = relay;
        this.lanes = config.outbox().lanes();
    }

    /**
     * Adds the event to the outbox, stamped with its subject's next version ({@code dossierversion}, one more than
     * anything this service published or applied for the subject: docs/ORDERING.md), in one statement. The Kafka
     * key is the event's subject (the dossier code), so one dossier's events keep their order on the topic.
     *
     * @return the version the event was stamped with (0 for an event without a subject, which is not stamped)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long publish(String topic, CloudEvent<?> event) {
        String key = event.subject() != null ? event.subject() : event.id().toString();
        // The agroal connection is the one enlisted in the caller's transaction (the same one Hibernate uses).
        try (Connection connection = dataSource.getConnection()) {
            long version = 0;
            if (event.subject() == null) {
                // with the audit on, the event's audit entry is written by the same statement (docs/AUDIT.md)
                try (PreparedStatement insert = connection.prepareStatement(audit.enabled()
                        ? "with ev as (insert into outbox_event (id, topic, message_key, lane, type, event, created_at)"
                                + " values (?, ?, ?, ?, ?, ?::jsonb, ?) returning type, event)"
                                + " insert into audit_entry (kind, type, subject, actor, payload)"
                                + " select 'event', type, null, ?, event::text from ev"
                        : "insert into outbox_event (id, topic, message_key, lane, type, event, created_at)"
                                + " values (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                    bind(insert, 0, topic, key, event, EventJson.write(event));
                    if (audit.enabled()) {
                        insert.setString(8, audit.actor());
                    }
                    insert.executeUpdate();
                }
            } else {
                // the counter raised and the stamped event written in one round trip; the JSON gets the version
                // as its last attribute (jsonb keeps one copy of each key)
                String stamped = "with clock as (insert into dossier_clock (subject, version) values (?, ?)"
                        + " on conflict (subject) do update set version = greatest(dossier_clock.version + 1,"
                        + " excluded.version), touched_at = now() returning version),"
                        + " ev as (insert into outbox_event (id, topic, message_key, lane, type, event, created_at)"
                        + " select ?, ?, ?, ?, ?, jsonb_set(?::jsonb, '{dossierversion}', to_jsonb(clock.version)), ?"
                        + " from clock returning type, event)";
                try (PreparedStatement insert = connection.prepareStatement(audit.enabled()
                        ? stamped + ", audited as (insert into audit_entry (kind, type, subject, actor, payload)"
                                + " select 'event', type, ?, ?, event::text from ev)"
                                + " select (event ->> 'dossierversion')::bigint from ev"
                        : stamped + " select (event ->> 'dossierversion')::bigint from ev")) {
                    insert.setString(1, event.subject());
                    insert.setLong(2, clocks.floorOf(event.subject()) + 1);
                    bind(insert, 2, topic, key, event, EventJson.write(event));
                    if (audit.enabled()) {
                        insert.setString(10, event.subject());
                        insert.setString(11, audit.actor());
                    }
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        version = rs.getLong(1);
                    }
                }
            }
            wakeRelayAfterCommit();
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write event " + event.type() + " to the outbox", e);
        }
    }

    /** Sets the seven columns of an outbox row, from parameter {@code shift + 1} on. */
    private void bind(PreparedStatement insert, int shift, String topic, String key, CloudEvent<?> event,
                             String json) throws SQLException {
        insert.setObject(shift + 1, event.id());
        insert.setString(shift + 2, topic);
        insert.setString(shift + 3, key);
        insert.setShort(shift + 4, (short) laneOf(key, lanes));
        insert.setString(shift + 5, event.type());
        insert.setString(shift + 6, json);
        insert.setObject(shift + 7, OffsetDateTime.now());
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
