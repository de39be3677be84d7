package vn.motcua.notification.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.platform.cache.Snapshot;
import vn.motcua.platform.tx.AfterCommit;
import vn.motcua.shared.events.NotificationChannel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rules table (notification_rule): event type → audience → channel → template, editable by an admin. */
@ApplicationScoped
public class Rules {
    /** A rule's event type that matches every dossier event. */
    public static final String ANY_EVENT = "*";
    private static final String COLUMNS = "id, event_type, audience, channel, template, active, updated_at, updated_by";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    /** The active rules, read once for many events (issue 18): an admin's change here applies at once, elsewhere within 2 s. */
    private final Snapshot<List<Rule>> active;

    public Rules(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.active = new Snapshot<>(() -> query("select " + COLUMNS + " from notification_rule where active"
                + " order by audience, channel"), Duration.ofSeconds(2));
    }

    public record Rule(UUID id, String eventType, Audience audience, NotificationChannel channel, String template,
                       boolean active, OffsetDateTime updatedAt, String updatedBy) {
    }

    /** The active rules for one event type, '*' rules included. */
    public List<Rule> forEvent(String eventType) {
        return active.get().stream().filter(r -> r.eventType().equals(eventType) || r.eventType().equals(ANY_EVENT))
                .toList();
    }

    public List<Rule> all() {
        return query("select " + COLUMNS + " from notification_rule order by event_type, audience, channel");
    }

    public Optional<Rule> find(UUID id) {
        return query("select " + COLUMNS + " from notification_rule where id = ?", id).stream().findFirst();
    }

    /** @return false when a rule for the same event type, audience and channel exists */
    @Transactional
    public boolean create(Rule rule) {
        return update("insert into notification_rule (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (event_type, audience, channel) do nothing",
                rule.id(), rule.eventType(), rule.audience().name(), rule.channel().name(), rule.template(),
                rule.active(), rule.updatedAt(), rule.updatedBy()) == 1;
    }

    /** Changes the template and whether the rule is active; @return false when there is no such rule */
    @Transactional
    public boolean change(UUID id, String template, boolean active, String by) {
        return update("update notification_rule set template = ?, active = ?, updated_at = now(), updated_by = ? where id = ?",
                template, active, by, id) == 1;
    }

    @Transactional
    public boolean delete(UUID id) {
        return update("delete from notification_rule where id = ?", id) == 1;
    }

    private List<Rule> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Rule> rules = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rules.add(new Rule(rs.getObject(1, UUID.class), rs.getString(2), Audience.valueOf(rs.getString(3)),
                            NotificationChannel.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6),
                            rs.getObject(7, OffsetDateTime.class), rs.getString(8)));
                }
            }
            return rules;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read notification_rule", e);
        }
    }

    private int update(String sql, Object... params) {
        AfterCommit.run(transactions, active::invalidate);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write notification_rule", e);
        }
    }
}
