package vn.motcua.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The idempotent-consumer guard: records that a consumer applied an event, in the same transaction as
 * the effect. A redelivered event finds its id and is skipped; two concurrent deliveries of one event
 * serialise on the primary key, and the second sees the first's commit.
 */
@ApplicationScoped
public class ProcessedEvents {
    private final AgroalDataSource dataSource;

    public ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed event " + eventId, e);
        }
    }

    /**
     * Records a batch's event ids in one statement: the ids returned are those {@code consumer} sees for the
     * first time (an id twice in the batch is returned once); the rest were applied before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into processed_event (consumer, event_id) select ?, id from unnest(?::uuid[]) as id"
                             + " on conflict do nothing returning event_id")) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a batch of processed events", e);
        }
    }
}
