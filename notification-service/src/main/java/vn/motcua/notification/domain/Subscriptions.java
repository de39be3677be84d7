package vn.motcua.notification.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import vn.motcua.notification.config.NotificationConfig;
import jakarta.transaction.Transactional;
import vn.motcua.platform.cache.Snapshot;
import vn.motcua.platform.tx.AfterCommit;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Integrators' webhook subscriptions (webhook_subscription), by event type; each has its own signing secret. */
@ApplicationScoped
public class Subscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, url, secret, event_types, active, created_at, created_by";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    /**
     * The active subscriptions, read once for many events (issue 18, item 6: they were read for every event): a
     * change here applies at once, elsewhere within 2 s; a delivery planned meanwhile for one deactivated elsewhere
     * is cancelled when it is due ({@code DeliveryWorker}).
     */
    private final Snapshot<List<Subscription>> active;

    public Subscriptions(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
                         NotificationConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.active = new Snapshot<>(() -> query("select " + COLUMNS + " from webhook_subscription where active"
                + " order by created_at, id"), config.subscriptionsMaxAge());
    }

    /** The secret is for signing only: the API shows it once, when the subscription is created. */
    public record Subscription(UUID id, String name, String url, String secret, List<String> eventTypes,
                               boolean active, OffsetDateTime createdAt, String createdBy) {
        public boolean wants(String eventType) {
            return active && (eventTypes.contains(Rules.ANY_EVENT) || eventTypes.contains(eventType));
        }
    }

    /** 32 random bytes in hex, for a subscription created without a secret of its own. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Transactional
    public Subscription create(String name, String url, String secret, List<String> eventTypes, String by) {
        Subscription subscription = new Subscription(UUID.randomUUID(), name, url, secret, List.copyOf(eventTypes), true,
                OffsetDateTime.now(), by);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into webhook_subscription (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, subscription.id());
            s.setString(2, name);
            s.setString(3, url);
            s.setString(4, secret);
            s.setArray(5, c.createArrayOf("varchar", eventTypes.toArray()));
            s.setBoolean(6, true);
            s.setObject(7, subscription.createdAt());
            s.setString(8, by);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write webhook_subscription", e);
        }
        AfterCommit.run(transactions, active::invalidate);
        return subscription;
    }

    /**
     * Deactivates: new events are no longer sent, and the deliveries still pending for it are cancelled (an
     * integrator who unsubscribed, or whose receiver is gone, is not retried for a day).
     */
    @Transactional
    public boolean deactivate(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update webhook_subscription set active = false where id = ? and active");
             PreparedStatement cancel = c.prepareStatement(Deliveries.CANCEL_PENDING_OF_SUBSCRIPTION)) {
            s.setObject(1, id);
            if (s.executeUpdate() != 1) {
                return false;
            }
            cancel.setString(1, Deliveries.SUBSCRIPTION_GONE);
            cancel.setObject(2, id);
            cancel.executeUpdate();
            active.invalidate();
            AfterCommit.run(transactions, active::invalidate);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write webhook_subscription", e);
        }
    }

    public List<Subscription> all() {
        return query("select " + COLUMNS + " from webhook_subscription order by created_at, id");
    }

    public List<Subscription> active() {
        return active.get();
    }

    private List<Subscription> query(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<Subscription> result = new ArrayList<>();
            while (rs.next()) {
                Array types = rs.getArray(5);
                result.add(new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), Arrays.asList((String[]) types.getArray()), rs.getBoolean(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8)));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read webhook_subscription", e);
        }
    }
}
