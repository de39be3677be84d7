package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * The applicant withdrew the dossier (công dân xin rút) before a result.
 *
 * @param recordedBy the counter officer who recorded the request; absent when withdrawn online
 */
public record DossierWithdrawn(
        String dossierCode,
        OffsetDateTime withdrawnAt,
        @OptionalField String recordedBy,
        @OptionalField String reason) implements IntakeEvent {

    public static final String TYPE = "vn.motcua.dossier.withdrawn.v1";
    public static final String TOPIC = Topics.INTAKE;
}
