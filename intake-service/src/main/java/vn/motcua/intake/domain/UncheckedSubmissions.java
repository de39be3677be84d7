package vn.motcua.intake.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.messaging.IntakeEvents;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.intake.SubmissionUnchecked;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Online submissions left unchecked (issue 20, item 4): a submission still waiting for the counter's check
 * {@code motcua.intake.submission-check-working-hours} working hours after it came in (default 8, one working day)
 * raises one {@link SubmissionUnchecked} warning for supervisors. The rows are taken with {@code for update skip
 * locked} and marked in the transaction that writes the events, so each dossier is warned about once however many
 * instances sweep.
 */
@ApplicationScoped
public class UncheckedSubmissions {
    private static final Logger LOG = Logger.getLogger(UncheckedSubmissions.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final Calendars calendars;
    private final Outbox outbox;
    private final Duration checkWithin;

    public UncheckedSubmissions(EntityManager em, Calendars calendars, Outbox outbox, IntakeConfig config) {
        this.em = em;
        this.calendars = calendars;
        this.outbox = outbox;
        this.checkWithin = Duration.ofHours(config.submissionCheckWorkingHours());
    }

    @Scheduled(identity = "unchecked-submissions", every = "${motcua.intake.unchecked-sweep-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int warned = sweep(calendars.now().atOffset(EventJson.VIETNAM));
        if (warned > 0) {
            LOG.infof("unchecked submissions: %d warnings", warned);
        }
    }

    /**
     * An online submission still waiting for the counter's check after its time for it: a row of the supervisors'
     * list. {@code checkBy} is when the check was due; {@code warnedAt} when the warning went out (null until the
     * sweep has seen it).
     */
    public record Unchecked(String code, String unitCode, String procedureCode, OffsetDateTime submittedAt,
                            OffsetDateTime checkBy, OffsetDateTime warnedAt) {
    }

    /**
     * The supervisors' list (issue 20, item 4): submissions still unchecked at {@code now} beyond their time for the
     * check, the longest waiting first, of one unit or of all ({@code unit} null). Two statements whatever the page.
     */
    @Transactional
    public Page<Unchecked> list(OffsetDateTime now, String unit, Page.Request paging) {
        OffsetDateTime submittedBy = calendars.calculator().plusWorkingTime(now.toInstant(), checkWithin.negated());
        String from = " from dossier where status = 'SUBMITTED' and submitted_at <= :submittedBy"
                + " and (cast(:unit as varchar) is null or unit_code = :unit)";
        long total = ((Number) em.createNativeQuery("select count(*)" + from)
                .setParameter("submittedBy", submittedBy).setParameter("unit", unit).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Dossier> rows = em.createNativeQuery("select *" + from
                        + " order by submitted_at, code offset :offset limit :limit", Dossier.class)
                .setParameter("submittedBy", submittedBy).setParameter("unit", unit)
                .setParameter("offset", paging.offset()).setParameter("limit", paging.size())
                .getResultList();
        return new Page<>(rows.stream().map(d -> new Unchecked(d.code, d.unitCode, d.procedureCode,
                d.submittedAt.withOffsetSameInstant(EventJson.VIETNAM),
                calendars.calculator().plusWorkingTime(d.submittedAt.toInstant(), checkWithin),
                d.uncheckedWarnedAt == null ? null : d.uncheckedWarnedAt.withOffsetSameInstant(EventJson.VIETNAM)))
                .toList(), paging.page(), paging.size(), total);
    }

    /** Warns about one batch of submissions unchecked at {@code now}; returns how many. */
    @Transactional
    public int sweep(OffsetDateTime now) {
        // Submitted at or before this instant: their working hours for the check have run out by now.
        OffsetDateTime submittedBy = calendars.calculator().plusWorkingTime(now.toInstant(), checkWithin.negated());
        @SuppressWarnings("unchecked")
        List<Dossier> due = em.createNativeQuery("select * from dossier where status = 'SUBMITTED'"
                        + " and unchecked_warned_at is null and submitted_at <= ?1 order by submitted_at limit ?2"
                        + " for update skip locked", Dossier.class)
                .setParameter(1, submittedBy)
                .setParameter(2, BATCH)
                .getResultList();
        for (Dossier d : due) {
            d.uncheckedWarnedAt = now;
            outbox.publish(IntakeEvents.TOPIC, EventTypes.envelope(IntakeEvents.SOURCE, new SubmissionUnchecked(d.code,
                    d.unitCode, d.procedureCode, d.submittedAt.withOffsetSameInstant(EventJson.VIETNAM),
                    calendars.calculator().plusWorkingTime(d.submittedAt.toInstant(), checkWithin), now)));
        }
        return due.size();
    }
}
