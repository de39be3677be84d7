package vn.motcua.result.domain;

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
     */
    @Transactional
    public Found lookup(String code, String pin, String client) {
        DossierStatus row = verify(code, pin, client);
        List<TimelineEntry> timeline = em.createQuery(
                        "select t from TimelineEntry t where t.code = :code order by t.at, t.id", TimelineEntry.class)
                .setParameter("code", code)
                .getResultList();
        return new Found(row, timeline);
    }

    /**
     * The dossier behind {@code code} if {@code pin} is its PIN, for any public action by code and PIN (the
     * lookup, the rating); otherwise the same miss as the lookup, counted against the same limit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DossierStatus verify(String code, String pin, String client) {
        if (pin == null || !pin.matches("[0-9]{6}")) {
            // Says nothing about any dossier, so it is neither a miss nor a 404.
            throw ProblemException.badRequest("invalid-pin", "Mã tra cứu (PIN) gồm đúng 6 chữ số.");
        }
        DossierStatus row = DossierCode.isValid(code) ? em.find(DossierStatus.class, code) : null;
        if (!pins.matches(code, pin, row == null ? null : row.pinHmac)) {
            throw miss(client);
        }
        return row;
    }

    private ProblemException miss(String client) {
        // Limit + 1 in one atomic count: the first `limit` misses answer 404, every further one 429.
        Optional<Duration> blocked = limiter.recordMiss("status-lookup:" + client, config.missLimit() + 1,
                config.missWindow());
        return blocked.map(ProblemException::tooManyRequests)
                .orElseGet(() -> ProblemException.notFound(MISS_DETAIL));
    }
}
