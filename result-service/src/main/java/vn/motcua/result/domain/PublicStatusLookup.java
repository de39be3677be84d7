package vn.motcua.result.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.platform.ratelimit.MissRateLimiter;
import vn.motcua.result.config.ResultConfig;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.dossier.DossierState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The citizen's status lookup by dossier code and PIN (tra cứu hồ sơ). An unknown code, a dossier not yet
 * received, and a wrong PIN are one and the same miss: the same 404. Misses are counted per client address
 * and per dossier code; once either has used up its misses, every lookup in that scope answers 429 until its
 * window ends, the correct PIN too: a correct PIN answered during a block would tell a guesser that spreads
 * guesses over many addresses when they hit. A client that never misses is never limited.
 */
@ApplicationScoped
public class PublicStatusLookup {
    /** The one answer for every miss, so that none tells more than another. */
    static final String MISS_DETAIL = "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.";
    /** The first key of the advisory locks that serialise the lookups of one dossier code. */
    private static final int CODE_LOCK_SPACE = 0x50494e; // "PIN"

    private final AgroalDataSource dataSource;
    private final PinHasher pins;
    private final MissRateLimiter limiter;
    private final ResultConfig.Lookup config;

    public PublicStatusLookup(AgroalDataSource dataSource, PinHasher pins, MissRateLimiter limiter, ResultConfig config) {
        this.dataSource = dataSource;
        this.pins = pins;
        this.limiter = limiter;
        this.config = config.lookup();
    }

    /**
     * What the citizen may see of one dossier: the status row holds the columns the status view and the
     * Open311 view read (not the whole entity: it is read by plain JDBC, below).
     */
    public record Found(DossierStatus status, List<TimelineEntry> timeline) {
    }

    /**
     * The dossier behind {@code code} if {@code pin} is its PIN; otherwise counts a miss for {@code client} and
     * for {@code code} and throws 404; throws 429 while the client or the code is blocked.
     *
     * <p>Never inside a JTA transaction: the check, the read and the count run on one connection in one
     * transaction of their own. Counting a miss on a second connection while the read still held its first
     * once let 20 concurrent misses hold the whole pool until every request failed with a 500 (found by the
     * lag benchmark, docs/BENCHMARKS.md).
     */
    @Transactional(Transactional.TxType.NEVER)
    public Found lookup(String code, String pin, String client) {
        return guarded(code, pin, client, true);
    }

    /**
     * Whether {@code pin} opens {@code code}, for any other public action by code and PIN (the rating): the
     * same miss as the lookup, counted against the same limits, and like it outside any transaction, so the
     * caller checks first and then opens its own.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void check(String code, String pin, String client) {
        guarded(code, pin, client, false);
    }

    private Found guarded(String code, String pin, String client, boolean withTimeline) {
        requireShape(pin);
        boolean isCode = DossierCode.isValid(code);
        List<MissRateLimiter.Limit> limits = new ArrayList<>(2);
        if (isCode) {
            limits.add(new MissRateLimiter.Limit("status-lookup-code:" + code, config.codeMissLimit(),
                    config.codeMissWindow()));
        }
        limits.add(new MissRateLimiter.Limit("status-lookup:" + client, config.missLimit(), config.missWindow()));
        Optional<Duration> blocked;
        Found found = null;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (isCode) {
                    // Lookups of one code take turns: of a burst of guesses, none passes the check before the
                    // misses ahead of it are counted, so the code's limit is exact.
                    try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                        lock.setInt(1, CODE_LOCK_SPACE);
                        lock.setInt(2, code.hashCode());
                        lock.execute();
                    }
                }
                blocked = limiter.blockedFor(c, limits);
                if (blocked.isEmpty()) {
                    found = read(c, isCode ? code : null, code, pin, withTimeline);
                    if (found == null) {
                        limiter.recordMiss(c, limits);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("status lookup of " + code + " failed", e); // 503 when the database is away
        }
        if (blocked.isPresent()) {
            throw ProblemException.tooManyRequests(blocked.get());
        }
        if (found == null) {
            throw ProblemException.notFound(MISS_DETAIL);
        }
        return found;
    }

    /**
     * The hot path of the read model, in plain JDBC: the status row, then its timeline. Through Hibernate
     * and a JTA transaction the same two reads cost about a third more CPU (entity loading, dirty checking
     * and flushing of a read-only unit of work; docs/BENCHMARKS.md), and a citizen's lookup is the most
     * frequent request of the system. Writes stay in the projection's entities. The HMAC is computed whether
     * or not the code exists (same timing).
     */
    private Found read(Connection c, String validCode, String code, String pin, boolean withTimeline)
            throws SQLException {
        DossierStatus row = null;
        if (validCode != null) {
            try (PreparedStatement q = c.prepareStatement(STATUS)) {
                q.setString(1, validCode);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        row = status(rs);
                    }
                }
            }
        }
        if (!pins.matches(code, pin, row == null ? null : row.pinHmac)) {
            return null;
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        if (withTimeline) {
            try (PreparedStatement q = c.prepareStatement(TIMELINE)) {
                q.setString(1, code);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        TimelineEntry entry = new TimelineEntry();
                        entry.code = code;
                        entry.at = rs.getObject(1, OffsetDateTime.class);
                        entry.status = DossierState.valueOf(rs.getString(2));
                        entry.agency = rs.getString(3);
                        entry.note = rs.getString(4);
                        timeline.add(entry);
                    }
                }
            }
        }
        return new Found(row, timeline);
    }

    private static final String STATUS = "select code, status, national_status_code, procedure_name, appointment_at,"
            + " current_agency, current_agency_name, paused, processed_at, processed_on_time, stopped_at, withdrawn_at,"
            + " pin_hmac, procedure_code, lead_agency, received_at, submitted_at, last_event_time"
            + " from dossier_status where code = ?";
    private static final String TIMELINE = "select at, status, agency, note from dossier_timeline where code = ?"
            + " order by version nulls first, at, id";

    private static DossierStatus status(ResultSet rs) throws SQLException {
        DossierStatus row = new DossierStatus();
        row.code = rs.getString(1);
        row.status = DossierState.valueOf(rs.getString(2));
        row.nationalStatusCode = rs.getInt(3);
        row.procedureName = rs.getString(4);
        row.appointmentAt = rs.getObject(5, OffsetDateTime.class);
        row.currentAgency = rs.getString(6);
        row.currentAgencyName = rs.getString(7);
        row.paused = rs.getBoolean(8);
        row.processedAt = rs.getObject(9, OffsetDateTime.class);
        row.processedOnTime = rs.getObject(10, Boolean.class);
        row.stoppedAt = rs.getObject(11, OffsetDateTime.class);
        row.withdrawnAt = rs.getObject(12, OffsetDateTime.class);
        row.pinHmac = rs.getString(13);
        row.procedureCode = rs.getString(14);
        row.leadAgency = rs.getString(15);
        row.receivedAt = rs.getObject(16, OffsetDateTime.class);
        row.submittedAt = rs.getObject(17, OffsetDateTime.class);
        row.lastEventTime = rs.getObject(18, OffsetDateTime.class);
        return row;
    }

    private static void requireShape(String pin) {
        if (pin == null || !pin.matches("[0-9]{6}")) {
            // Says nothing about any dossier, so it is neither a miss nor a 404.
            throw ProblemException.badRequest("invalid-pin", "Mã tra cứu (PIN) gồm đúng 6 chữ số.");
        }
    }
}
