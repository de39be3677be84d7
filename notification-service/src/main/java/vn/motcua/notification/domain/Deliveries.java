package vn.motcua.notification.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.notification.NotificationDeadLettered;
import vn.motcua.shared.events.notification.NotificationDelivered;
import vn.motcua.shared.events.notification.NotificationFailed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The durable delivery table: claims due deliveries for the worker ({@code for update skip locked}, so
 * several instances share the work and none sends a row another holds), records each outcome with its
 * event in the outbox, retries with {@link RetrySchedule}, dead-letters after the last attempt and lets
 * an admin re-send.
 */
@ApplicationScoped
public class Deliveries {
    public static final String SOURCE = "notification-service";
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";
    public static final String SKIPPED = "SKIPPED";
    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final RetrySchedule schedule;

    public Deliveries(AgroalDataSource dataSource, Outbox outbox, NotificationConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.schedule = RetrySchedule.of(config.retry());
    }

    /** A delivery the worker holds until its lease ends; {@code attempts} = failed or made attempts so far. */
    public record Claimed(UUID id, UUID eventId, String eventType, String dossierCode, NotificationChannel channel,
                          String address, String masked, String subject, String body, int attempts, String secret) {
        /** Keeps the address, the body and the secret out of logs. */
        @Override
        public String toString() {
            return "Claimed[" + id + " " + channel + " " + masked + " of " + eventType + " for " + dossierCode + "]";
        }
    }

    /** One row of the delivery log as the API shows it: the recipient masked, nothing of the body. */
    public record Entry(UUID id, UUID eventId, String eventType, String dossierCode, String audience, String channel,
                        String recipient, String outcome, int attempts, int resends, String lastError,
                        OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
    }

    public record Page(List<Entry> items, long total) {
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /**
     * Claims up to {@code limit} due deliveries: moves their next attempt to the end of the lease, so another
     * instance (or this one, after a crash) takes them again only if no outcome is recorded by then.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update delivery d set next_attempt_at = ?, updated_at = ? from ("
                        + " select id from delivery where status = 'PENDING' and next_attempt_at <= ?"
                        + " order by next_attempt_at limit ? for update skip locked) due where d.id = due.id"
                        + " returning d.id, d.event_id, d.event_type, d.dossier_code, d.channel, d.address,"
                        + " d.recipient_masked, d.subject, d.body, d.attempts,"
                        + " (select w.secret from webhook_subscription w where w.id = d.subscription_id and w.active)")) {
            s.setObject(1, now.plus(lease));
            s.setObject(2, now);
            s.setObject(3, now);
            s.setInt(4, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), NotificationChannel.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim deliveries", e);
        }
    }

    /** The channel accepted the message: DELIVERED, its body (which may hold the PIN) is dropped. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(Claimed claimed) {
        deliveredAll(List.of(claimed));
    }

    /**
     * Several accepted messages recorded in one transaction and one statement (issue 18, item 6: a transaction per
     * e-mail was a tenth of notification's CPU): each row only if it is still the attempt this worker holds.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliveredAll(List<Claimed> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        Set<UUID> recorded = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update delivery d set status = 'DELIVERED', attempts = d.attempts + 1, delivered_at = ?, updated_at = ?,"
                        + " next_attempt_at = null, subject = null, body = null, last_error = null"
                        + " from unnest(?::uuid[], ?::int[]) as held(id, attempts)"
                        + " where d.id = held.id and d.status = 'PENDING' and d.attempts = held.attempts returning d.id")) {
            s.setObject(1, now);
            s.setObject(2, now);
            s.setArray(3, c.createArrayOf("uuid", accepted.stream().map(Claimed::id).toArray()));
            s.setArray(4, c.createArrayOf("integer", accepted.stream().map(Claimed::attempts).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record delivered messages", e);
        }
        for (Claimed claimed : accepted) {
            if (!recorded.contains(claimed.id())) {
                continue; // the lease ran out and another attempt already recorded its outcome
            }
            int attempt = claimed.attempts() + 1;
            outbox.publish(Topics.NOTIFICATION, EventTypes.envelope(SOURCE, new NotificationDelivered(claimed.dossierCode(),
                    claimed.id(), claimed.eventId(), claimed.eventType(), claimed.channel(), claimed.masked(), attempt, now)));
            LOG.debugf("delivered %s (attempt %d)", claimed, attempt);
        }
        LOG.infof("delivered %d messages", recorded.size());
    }

    /** The attempt failed: try again after the backoff, or dead-letter after the last attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Claimed claimed, String error) {
        OffsetDateTime now = OffsetDateTime.now();
        int attempt = claimed.attempts() + 1;
        String reason = Masking.scrub(error == null ? "lỗi không rõ" : error, 500);
        if (schedule.exhausted(attempt)) {
            if (update("update delivery set status = 'DEAD_LETTERED', attempts = ?, updated_at = ?, next_attempt_at = null,"
                            + " last_error = ? where id = ? and status = 'PENDING' and attempts = ?",
                    attempt, now, reason, claimed.id(), claimed.attempts()) == 0) {
                return;
            }
            outbox.publish(Topics.NOTIFICATION, EventTypes.envelope(SOURCE, new NotificationDeadLettered(
                    claimed.dossierCode(), claimed.id(), claimed.eventId(), claimed.eventType(), claimed.channel(),
                    claimed.masked(), attempt, now, reason)));
            LOG.warnf("dead-lettered %s after %d attempts: %s", claimed, attempt, reason);
            return;
        }
        OffsetDateTime next = now.plus(schedule.delay(attempt, ThreadLocalRandom.current().nextDouble()));
        if (update("update delivery set attempts = ?, updated_at = ?, next_attempt_at = ?, last_error = ?"
                        + " where id = ? and status = 'PENDING' and attempts = ?",
                attempt, now, next, reason, claimed.id(), claimed.attempts()) == 0) {
            return;
        }
        outbox.publish(Topics.NOTIFICATION, EventTypes.envelope(SOURCE, new NotificationFailed(claimed.dossierCode(),
                claimed.id(), claimed.eventId(), claimed.eventType(), claimed.channel(), claimed.masked(), attempt, now,
                reason, next)));
        LOG.infof("attempt %d of %s failed, next at %s: %s", attempt, claimed, next, reason);
    }

    /** Why a webhook delivery was cancelled: its subscription was deactivated or deleted. */
    public static final String SUBSCRIPTION_GONE = "Đăng ký webhook đã bị hủy; không gửi nữa";

    /** Cancels the pending deliveries of one subscription (parameters: reason, subscription id). */
    static final String CANCEL_PENDING_OF_SUBSCRIPTION = "update delivery set status = 'CANCELLED', next_attempt_at = null,"
            + " body = null, last_error = ?, updated_at = now() where subscription_id = ? and status = 'PENDING'";

    /** The delivery will never be sent (its webhook subscription is gone): CANCELLED, not retried. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cancelled(Claimed claimed, String reason) {
        if (update("update delivery set status = 'CANCELLED', updated_at = ?, next_attempt_at = null, body = null,"
                        + " last_error = ? where id = ? and status = 'PENDING' and attempts = ?",
                OffsetDateTime.now(), reason, claimed.id(), claimed.attempts()) == 1) {
            LOG.infof("cancelled %s: %s", claimed, reason);
        }
    }

    /** Drops finished deliveries last changed before now − {@code retention}. @return how many */
    @Transactional
    public int purge(Duration retention) {
        return update("delete from delivery where status in ('DELIVERED', 'SKIPPED', 'CANCELLED') and updated_at < ?",
                OffsetDateTime.now().minus(retention));
    }

    public enum Resend { RESENT, NOT_FOUND, NOT_DEAD_LETTERED }

    /** An admin sends a dead-lettered delivery again: the schedule starts over. */
    @Transactional
    public Resend resend(UUID id, String by) {
        OffsetDateTime now = OffsetDateTime.now();
        if (update("update delivery set status = 'PENDING', attempts = 0, resends = resends + 1, next_attempt_at = ?,"
                + " updated_at = ? where id = ? and status = 'DEAD_LETTERED'", now, now, id) == 1) {
            LOG.infof("delivery %s re-sent by %s", id, by);
            return Resend.RESENT;
        }
        return find(id) == null ? Resend.NOT_FOUND : Resend.NOT_DEAD_LETTERED;
    }

    private static final String ENTRY_COLUMNS = "id, event_id, event_type, dossier_code, audience, channel, recipient_masked,"
            + " status, attempts, resends, last_error, next_attempt_at, created_at, delivered_at";

    public Entry find(UUID id) {
        List<Entry> entries = entries("select " + ENTRY_COLUMNS + " from delivery where id = ?", id);
        return entries.isEmpty() ? null : entries.get(0);
    }

    /** One page of the log, of one dossier when {@code dossierCode} is given; two queries whatever the size. */
    public Page page(String dossierCode, int page, int size) {
        String where = dossierCode == null ? "" : " where dossier_code = ?";
        Object[] params = dossierCode == null ? new Object[0] : new Object[]{dossierCode};
        List<Entry> items = entries("select " + ENTRY_COLUMNS + " from delivery" + where
                + " order by created_at, id limit " + size + " offset " + ((long) page * size), params);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from delivery" + where)) {
            if (dossierCode != null) {
                s.setString(1, dossierCode);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Page(items, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count deliveries", e);
        }
    }

    private List<Entry> entries(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getInt(9), rs.getInt(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                            rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read deliveries", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update a delivery", e);
        }
    }
}
