package vn.motcua.result.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.platform.ratelimit.MissRateLimiter;
import vn.motcua.result.config.ResultConfig;
import vn.motcua.shared.dossier.DossierCode;

import java.time.Duration;
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
    private final PinHasher pins;
    private final MissRateLimiter limiter;
    private final ResultConfig.Lookup config;

    public PublicStatusLookup(EntityManager em, PinHasher pins, MissRateLimiter limiter, ResultConfig config) {
        this.em = em;
        this.pins = pins;
        this.limiter = limiter;
        this.config = config.lookup();
    }

    /** What the citizen may see of one dossier. */
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
        Found found = QuarkusTransaction.requiringNew().call(() -> {
            DossierStatus row = matching(code, pin);
            if (row == null) {
                return null;
            }
            List<TimelineEntry> timeline = em.createQuery(
                            "select t from TimelineEntry t where t.code = :code order by t.at, t.id", TimelineEntry.class)
                    .setParameter("code", code)
                    .getResultList();
            return new Found(row, timeline);
        });
        if (found == null) {
            throw miss(client);
        }
        return found;
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
