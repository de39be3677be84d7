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
import java.util.List;
import java.util.Optional;

/**
 * Counts misses (a wrong code or PIN) per bucket, typically a client address or a dossier code, in
 * PostgreSQL so the limit holds across instances. Only misses count: a client that keeps looking up its own
 * dossier correctly is never slowed. A window opens at a bucket's first miss and lasts {@code window}; once
 * {@code limit} misses fall in it, the bucket is blocked until the window ends.
 *
 * <p>The methods taking a {@link Connection} run on the caller's connection and transaction, so a caller can
 * check, answer and count in one unit of work (and on one pooled connection).
 */
@ApplicationScoped
public class MissRateLimiter {
    private static final String SELECT = "select window_start, misses from rate_limit_bucket where bucket = ?";
    private static final String COUNT = "insert into rate_limit_bucket (bucket, window_start, misses) values (?, ?, 1)"
            + " on conflict (bucket) do update set"
            + " window_start = case when rate_limit_bucket.window_start <= ? then excluded.window_start"
            + "                     else rate_limit_bucket.window_start end,"
            + " misses = case when rate_limit_bucket.window_start <= ? then 1"
            + "               else rate_limit_bucket.misses + 1 end"
            + " returning window_start, misses";

    /** One bucket with its own limit: at most {@code misses} misses in {@code window}. */
    public record Limit(String bucket, int misses, Duration window) {
    }

    private final AgroalDataSource dataSource;

    public MissRateLimiter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How long the bucket must still wait, if it has used up its misses. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Duration> blockedFor(String bucket, int limit, Duration window) {
        try (Connection connection = dataSource.getConnection()) {
            return blockedFor(connection, List.of(new Limit(bucket, limit, window)));
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
        try (Connection connection = dataSource.getConnection()) {
            return recordMiss(connection, List.of(new Limit(bucket, limit, window)));
        } catch (SQLException e) {
            throw new IllegalStateException("rate limiter unavailable", e);
        }
    }

    /** The longest wait among the buckets that have used up their misses, if any has. */
    public Optional<Duration> blockedFor(Connection connection, List<Limit> limits) throws SQLException {
        Optional<Duration> longest = Optional.empty();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            for (Limit limit : limits) {
                select.setString(1, limit.bucket());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next() && rs.getInt(2) >= limit.misses()) {
                        longest = longer(longest, remaining(rs.getObject(1, OffsetDateTime.class), limit.window()));
                    }
                }
            }
        }
        return longest;
    }

    /**
     * Counts one miss in every bucket, in the given order (callers keep one order, so two counts never wait
     * for each other's rows crosswise), and returns the longest wait among the buckets it used up, if any.
     */
    public Optional<Duration> recordMiss(Connection connection, List<Limit> limits) throws SQLException {
        Optional<Duration> longest = Optional.empty();
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement upsert = connection.prepareStatement(COUNT)) {
            for (Limit limit : limits) {
                OffsetDateTime expired = now.minus(limit.window());
                upsert.setString(1, limit.bucket());
                upsert.setObject(2, now);
                upsert.setObject(3, expired);
                upsert.setObject(4, expired);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    if (rs.getInt(2) >= limit.misses()) {
                        longest = longer(longest, remaining(rs.getObject(1, OffsetDateTime.class), limit.window()));
                    }
                }
            }
        }
        return longest;
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static Optional<Duration> remaining(OffsetDateTime windowStart, Duration window) {
        Duration left = Duration.between(Instant.now(), windowStart.toInstant().plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
