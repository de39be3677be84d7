package vn.motcua.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Keeps {@code processed_event} bounded: ids older than {@code motcua.inbox.retention} are deleted, a few thousand
 * at a time. The retention must exceed the topics' own ({@code retention.ms}, 7 days by default): an event still on
 * a topic could be delivered again (a reset consumer group) and must still be recognised.
 */
@ApplicationScoped
public class ProcessedEventsPurge {
    private static final Logger LOG = Logger.getLogger(ProcessedEventsPurge.class);
    private static final int CHUNK = 5_000;

    private final AgroalDataSource dataSource;
    private final Duration retention;

    public ProcessedEventsPurge(AgroalDataSource dataSource,
                                @ConfigProperty(name = "motcua.inbox.retention", defaultValue = "30d") Duration retention) {
        this.dataSource = dataSource;
        this.retention = retention;
    }

    @Scheduled(every = "${motcua.inbox.purge-every:1h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            int purged = purgeOlderThan(retention);
            if (purged > 0) {
                LOG.infof("purged %d processed-event ids older than %s", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("processed-event purge failed, next tick retries: %s", e.getMessage());
        }
    }

    /** Deletes the ids recorded before now − {@code age}, chunk by chunk (each its own short transaction). */
    public int purgeOlderThan(Duration age) {
        OffsetDateTime before = OffsetDateTime.now().minus(age);
        int total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "delete from processed_event where ctid in (select ctid from processed_event where processed_at < ? limit ?)")) {
            while (true) {
                s.setObject(1, before);
                s.setInt(2, CHUNK);
                int deleted = s.executeUpdate();
                total += deleted;
                if (deleted < CHUNK) {
                    return total;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge processed_event", e);
        }
    }
}
