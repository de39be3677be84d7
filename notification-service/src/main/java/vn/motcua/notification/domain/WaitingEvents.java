package vn.motcua.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.platform.tx.TxLocal;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Events that arrived before their applicant's contact (table {@code waiting_event}): a routing or result event
 * overtook intake's {@code received} (the consumers of the three topics keep no order between them). They are
 * taken back, in the order they arrived, by the event that brings the contact.
 */
@ApplicationScoped
public class WaitingEvents {
    private final AgroalDataSource dataSource;
    /**
     * The dossiers of this transaction's batch that may have waiting events: those {@link #prefetch} found, and those
     * this transaction added to; absent = the batch was not prefetched (then {@link #take} asks the table). Almost no
     * {@code received} finds anything waiting, and one delete per received dossier was a statement of every dossier.
     */
    private final TxLocal<Checked> checked;

    /** The dossiers a batch looked up, and which of them may have waiting events. */
    private record Checked(Set<String> looked, Set<String> waiting) {
    }

    public WaitingEvents(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.checked = new TxLocal<>(transactions, () -> new Checked(new HashSet<>(), new HashSet<>()));
    }

    /**
     * Looks up, in one statement, which of a batch's dossiers have events waiting (after the batch took its dossiers'
     * locks, so no other transaction of this service adds to them meanwhile).
     */
    public void prefetch(Collection<String> dossierCodes) {
        Checked memo = checked.get().orElse(null);
        if (memo == null) {
            return;
        }
        String[] codes = dossierCodes.stream().filter(c -> c != null && !memo.looked().contains(c)).distinct()
                .toArray(String[]::new);
        if (codes.length == 0) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select distinct dossier_code from waiting_event where dossier_code = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", codes));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    memo.waiting().add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up waiting events", e);
        }
        memo.looked().addAll(List.of(codes));
    }

    /** An event that waits for the contact of {@code dossierCode}. A redelivery waits once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String dossierCode, CloudEvent<JsonNode> event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into waiting_event (event_id, dossier_code, event_type, payload, arrived_at)"
                        + " values (?, ?, ?, ?, now()) on conflict (event_id) do nothing")) {
            s.setObject(1, event.id());
            s.setString(2, dossierCode);
            s.setString(3, event.type());
            s.setString(4, EventJson.write(event));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep a waiting event", e);
        }
        checked.get().ifPresent(memo -> memo.waiting().add(dossierCode));
    }

    /** Takes (and removes) the events waiting for {@code dossierCode}, in the order they arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent<JsonNode>> take(String dossierCode) {
        Checked memo = checked.get().orElse(null);
        if (memo != null && memo.looked().contains(dossierCode) && !memo.waiting().contains(dossierCode)) {
            return List.of();
        }
        List<CloudEvent<JsonNode>> taken = read("delete from waiting_event where dossier_code = ? returning payload, arrival",
                dossierCode);
        if (memo != null) {
            memo.waiting().remove(dossierCode);
        }
        return taken;
    }

    /**
     * Takes the events that waited longer than {@code patience} (their contact never came: a dossier whose
     * reception this instance never saw), oldest first, so they are recorded as told no one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent<JsonNode>> takeOlderThan(Duration patience) {
        return read("delete from waiting_event where arrived_at < ? returning payload, arrival",
                OffsetDateTime.now().minus(patience));
    }

    private List<CloudEvent<JsonNode>> read(String sql, Object param) {
        record Row(long arrival, CloudEvent<JsonNode> event) {
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("arrival"), EventJson.read(rs.getString("payload"))));
                }
            }
            // DELETE ... RETURNING has no ORDER BY: order here
            rows.sort((a, b) -> Long.compare(a.arrival(), b.arrival()));
            return rows.stream().map(Row::event).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read waiting events", e);
        }
    }
}
