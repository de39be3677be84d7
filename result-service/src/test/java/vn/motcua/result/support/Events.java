package vn.motcua.result.support;

import io.agroal.api.AgroalDataSource;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Sends events to the real topics as the other services would, and waits until result-service applied them. */
public final class Events {
    private final String bootstrap;
    private final AgroalDataSource dataSource;

    public Events(String bootstrap, AgroalDataSource dataSource) {
        this.bootstrap = bootstrap;
        this.dataSource = dataSource;
    }

    /** Forgets every client's lookup misses, so a test starts with a full allowance. */
    public void forgetMisses() throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("delete from rate_limit_bucket");
        }
    }

    /** Sends each payload in its own envelope on its type's topic, in the given order; returns the event ids. */
    public List<UUID> send(EventPayload... payloads) {
        List<UUID> ids = new ArrayList<>();
        for (EventPayload payload : payloads) {
            CloudEvent<EventPayload> event = EventTypes.envelope("test", payload);
            TopicReader.send(bootstrap, EventTypes.of(payload.getClass()).topic(),
                    List.of(Map.entry(payload.subject(), EventJson.write(event))));
            ids.add(event.id());
        }
        return ids;
    }

    /** Sends and waits until every one of these events went through a result-service consumer. */
    public void sendAndAwait(EventPayload... payloads) {
        awaitApplied(send(payloads));
    }

    public void awaitApplied(List<UUID> ids) {
        await().atMost(Duration.ofSeconds(40)).until(() -> applied(ids) == ids.size());
    }

    private int applied(List<UUID> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(distinct event_id) from processed_event where event_id = any (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A dossier received with a one-step plan at {@code lead}. */
    public static DossierReceived received(String code, String pin, ReceptionChannel channel, String procedure,
                                           String lead, OffsetDateTime at, OffsetDateTime appointment,
                                           String citizenIdHmac) {
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot(lead, List.of(PlanStage.single(
                new PlanStep("buoc-1", lead, agencyName(lead), null, StatutoryTime.workingDays(3)))));
        return new DossierReceived(code, procedure, 1, "Thủ tục " + procedure, channel, code.substring(0, 13),
                "counter1", at, appointment, StatutoryTime.workingDays(5),
                new Applicant("Trần Thị Bình", "0987654321", null, "Số 1 Phố Kim Mã, Ba Đình, Hà Nội"),
                citizenIdHmac, pin, plan);
    }

    /** One name per agency code across all tests, so a replay in any order gives the same names. */
    public static String agencyName(String code) {
        return "Cơ quan " + code;
    }

    /** Rows of a query as text, one line per row, for comparing whole tables. */
    public List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
