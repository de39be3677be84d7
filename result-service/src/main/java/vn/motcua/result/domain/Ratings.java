package vn.motcua.result.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.result.DossierRated;
import vn.motcua.shared.events.result.Satisfaction;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Đánh giá mức độ hài lòng: after the result is returned, the citizen rates the service once, by dossier
 * code and PIN (no account needed), on the criteria of DOMAIN.md.
 */
@ApplicationScoped
public class Ratings {
    private final EntityManager em;
    private final PublicStatusLookup lookup;
    private final Outbox outbox;

    public Ratings(EntityManager em, PublicStatusLookup lookup, Outbox outbox) {
        this.em = em;
        this.lookup = lookup;
        this.outbox = outbox;
    }

    /** The citizen's answers. */
    public record Answers(boolean onTime, int contactCount, int agenciesContacted, Satisfaction staffAttitude,
                          Satisfaction openness, Satisfaction overall, String comment) {
    }

    /**
     * Stores the rating and publishes {@code rated} through the outbox. A wrong PIN or unknown code is the
     * lookup's miss (same 404, same limit; checked before this transaction opens, see
     * {@link PublicStatusLookup#check}); 409 before the result is returned and for a second rating.
     */
    @Transactional(Transactional.TxType.NEVER)
    public DossierRated rate(String code, String pin, String client, Answers answers) {
        lookup.check(code, pin, client);
        return QuarkusTransaction.requiringNew().call(() -> store(code, answers));
    }

    private DossierRated store(String code, Answers answers) {
        DossierStatus row = em.find(DossierStatus.class, code);
        if (row.returnedAt == null) {
            throw ProblemException.conflict("not-returned",
                    "Chỉ đánh giá được sau khi đã nhận kết quả giải quyết hồ sơ.");
        }
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM).truncatedTo(ChronoUnit.MICROS);
        DossierRated rated = new DossierRated(code, now, answers.onTime(), answers.contactCount(),
                answers.agenciesContacted(), answers.staffAttitude(), answers.openness(), answers.overall(),
                answers.comment());
        CloudEvent<DossierRated> event = EventTypes.envelope(ResultReturns.SOURCE, rated);
        int inserted = em.createNativeQuery("insert into dossier_rating (code, rated_at, on_time, contact_count,"
                        + " agencies_contacted, staff_attitude, openness, overall, comment, event_id)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (code) do nothing")
                .setParameter(1, code)
                .setParameter(2, now)
                .setParameter(3, answers.onTime())
                .setParameter(4, answers.contactCount())
                .setParameter(5, answers.agenciesContacted())
                .setParameter(6, answers.staffAttitude().name())
                .setParameter(7, answers.openness().name())
                .setParameter(8, answers.overall().name())
                .setParameter(9, answers.comment())
                .setParameter(10, event.id())
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("already-rated", "Hồ sơ " + code + " đã được đánh giá.");
        }
        outbox.publish(Topics.RESULT, event);
        return rated;
    }
}
