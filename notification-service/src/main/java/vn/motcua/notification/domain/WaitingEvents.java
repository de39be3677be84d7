package vn.motcua.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Events that arrived before their applicant's contact (table {@code waiting_event}): a routing or result event
 * overtook intake's {@code received} (the consumers of the three topics keep no order between them). They are
 * taken back, in the order they arrived, by the event that brings the contact.
 */
@ApplicationScoped
public class WaitingEvents {
    private final AgroalDataSource dataSource;

    public WaitingEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
    }

    /** Takes (and removes) the events waiting for {@code dossierCode}, in the order they arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent<JsonNode>> take(String dossierCode) {
        return read("delete from waiting_event where dossier_code = ? returning payload, arrival", dossierCode);
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
