package vn.motcua.result.domain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
 * received, and a wrong PIN are one and the same miss: the same 404, and each counts toward the client's
 * miss limit, so codes and PINs cannot be enumerated. A correct lookup never touches the limiter.
 */
@ApplicationScoped
public class PublicStatusLookup {
    /** The one answer for every miss, so that none tells more than another. */
    static final String MISS_DETAIL = "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final PinHasher pins;
    private final MissRateLimiter limiter;
    private final ResultConfig.Lookup config;

    public PublicStatusLookup(EntityManager em, AgroalDataSource dataSource, PinHasher pins, MissRateLimiter limiter,
                              ResultConfig config) {
        this.em = em;
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
     * The dossier behind {@code code} if {@code pin} is its PIN; otherwise counts a miss for
     * {@code client} and throws 404, or 429 once the client has used up its misses in the window.
     *
     * <p>Never inside a transaction: the read has its own and gives its connection back before a miss is
     * counted. Counting a miss while the read still held its connection took a second one per request, and
     * as many concurrent misses as the pool has connections (20) then held the whole pool while each waited
     * for a second: every request, correct lookups too, timed out with a 500 (found by the lag benchmark,
     * docs/BENCHMARKS.md).
     */
    @Transactional(Transactional.TxType.NEVER)
    public Found lookup(String code, String pin, String client) {
        requireShape(pin);
        Found found;
        try {
            found = read(code, pin);
        } catch (SQLException e) {
            throw new IllegalStateException("status lookup of " + code + " failed", e); // 503 when the database is away
        }
        if (found == null) {
            throw miss(client);
        }
        return found;
    }

    /**
     * The hot path of the read model, in plain JDBC on one auto-commit connection: the status row, then its
     * timeline. Through Hibernate and a JTA transaction the same two reads cost about a third more CPU (entity
     * loading, dirty checking and flushing of a read-only unit of work; docs/BENCHMARKS.md), and a citizen's
     * lookup is the most frequent request of the system. Writes stay in the projection's entities.
     */
    private Found read(String code, String pin) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DossierStatus row = null;
            if (DossierCode.isValid(code)) {
                try (PreparedStatement q = c.prepareStatement(STATUS)) {
                    q.setString(1, code);
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
            return new Found(row, timeline);
        }
    }

    private static final String STATUS = "select code, status, national_status_code, procedure_name, appointment_at,"
            + " current_agency, current_agency_name, paused, processed_at, processed_on_time, stopped_at, withdrawn_at,"
            + " pin_hmac, procedure_code, lead_agency, received_at, submitted_at, last_event_time"
            + " from dossier_status where code = ?";
    private static final String TIMELINE = "select at, status, agency, note from dossier_timeline where code = ?"
            + " order by at, id";

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

    /**
     * Whether {@code pin} opens {@code code}, for any other public action by code and PIN (the rating): the
     * same miss as the lookup, counted against the same limit, and like it outside any transaction, so the
     * caller checks first and then opens its own.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void check(String code, String pin, String client) {
        requireShape(pin);
        if (!QuarkusTransaction.requiringNew().call(() -> matching(code, pin) != null)) {
            throw miss(client);
        }
    }

    private static void requireShape(String pin) {
        if (pin == null || !pin.matches("[0-9]{6}")) {
            // Says nothing about any dossier, so it is neither a miss nor a 404.
            throw ProblemException.badRequest("invalid-pin", "Mã tra cứu (PIN) gồm đúng 6 chữ số.");
        }
    }

    /** The row if the PIN matches; the HMAC is computed whether or not the code exists (same timing). */
    private DossierStatus matching(String code, String pin) {
        DossierStatus row = DossierCode.isValid(code) ? em.find(DossierStatus.class, code) : null;
        return pins.matches(code, pin, row == null ? null : row.pinHmac) ? row : null;
    }

    private ProblemException miss(String client) {
        // Limit + 1 in one atomic count: the first `limit` misses answer 404, every further one 429.
        Optional<Duration> blocked = limiter.recordMiss("status-lookup:" + client, config.missLimit() + 1,
                config.missWindow());
        return blocked.map(ProblemException::tooManyRequests)
                .orElseGet(() -> ProblemException.notFound(MISS_DETAIL));
    }
}
