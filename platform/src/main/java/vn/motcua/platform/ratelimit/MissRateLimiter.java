package vn.motcua.platform.ratelimit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Counts misses (a wrong code or PIN) per bucket, typically a client address, in PostgreSQL so the
 * limit holds across instances. Only misses count: a client that keeps looking up its own dossier
 * correctly is never slowed. A window opens at a bucket's first miss and lasts {@code window}; once
 * {@code limit} misses fall in it, the bucket is blocked until the window ends.
 */
@ApplicationScoped
public class MissRateLimiter {
    private final AgroalDataSource dataSource;

    public MissRateLimiter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How long the bucket must still wait, if it has used up its misses. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Duration> blockedFor(String bucket, int limit, Duration window) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select window_start, misses from rate_limit_bucket where bucket = ?")) {
            select.setString(1, bucket);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getInt(2) < limit) {
                    return Optional.empty();
                }
                return remaining(rs.getObject(1, OffsetDateTime.class), window);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limiter unavailable", e);
        }
    }

    /**
     * Counts one miss, in its own transaction so it counts even when the request then fails, and
     * returns how long the bucket is now blocked, if it is.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> recordMiss(String bucket, int limit, Duration window) {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime expired = now.minus(window);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "insert into rate_limit_bucket (bucket, window_start, misses) values (?, ?, 1)"
                             + " on conflict (bucket) do update set"
                             + " window_start = case when rate_limit_bucket.window_start <= ? then excluded.window_start"
                             + "                     else rate_limit_bucket.window_start end,"
                             + " misses = case when rate_limit_bucket.window_start <= ? then 1"
                             + "               else rate_limit_bucket.misses + 1 end"
                             + " returning window_start, misses")) {
            upsert.setString(1, bucket);
            upsert.setObject(2, now);
            upsert.setObject(3, expired);
            upsert.setObject(4, expired);
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return rs.getInt(2) >= limit ? remaining(rs.getObject(1, OffsetDateTime.class), window) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limiter unavailable", e);
        }
    }

    private static Optional<Duration> remaining(OffsetDateTime windowStart, Duration window) {
        Duration left = Duration.between(Instant.now(), windowStart.toInstant().plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
