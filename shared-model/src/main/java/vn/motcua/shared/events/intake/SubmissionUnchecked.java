package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * A warning for supervisors: an online submission is still waiting for a counter officer's check after the time
 * the unit has for it (issue 20, item 4). Raised once per dossier by intake's sweep.
 *
 * @param unitCode   the one-stop unit the citizen submitted to, whose counter has not checked it
 * @param checkDueAt by when it should have been checked (submittedAt plus the configured working hours)
 */
public record SubmissionUnchecked(
        String dossierCode,
        String unitCode,
        String procedureCode,
        OffsetDateTime submittedAt,
        OffsetDateTime checkDueAt,
        OffsetDateTime detectedAt) implements IntakeEvent {

    public static final String TYPE = "vn.motcua.dossier.submission-unchecked.v1";
    public static final String TOPIC = Topics.INTAKE;
}
