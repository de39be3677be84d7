package vn.motcua.shared.events.result;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * A citizen rated the service by dossier code, on the criteria of DOMAIN.md: was the result on time,
 * how many times they had to come, how many agencies they had to deal with, staff attitude, openness.
 * Time used against the statutory time is computed from the dossier's events, not asked.
 *
 * @param onTime            the citizen's answer, not the system's
 * @param contactCount      number of contacts (visits, calls) the citizen needed
 * @param agenciesContacted number of agencies the citizen had to deal with
 */
public record DossierRated(
        String dossierCode,
        OffsetDateTime ratedAt,
        boolean onTime,
        int contactCount,
        int agenciesContacted,
        Satisfaction staffAttitude,
        Satisfaction openness,
        Satisfaction overall,
        @OptionalField String comment) implements ResultEvent {

    public static final String TYPE = "vn.motcua.dossier.rated.v1";
    public static final String TOPIC = Topics.RESULT;
}
