package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The applicant supplied what was asked; the deadline clock resumes.
 *
 * @param receivedBy the counter officer; absent when supplied online
 */
public record DossierSupplementSupplied(
        String dossierCode,
        OffsetDateTime suppliedAt,
        @OptionalField String receivedBy,
        List<SupplementItem> items,
        @OptionalField String note) implements IntakeEvent {

    public static final String TYPE = "vn.motcua.dossier.supplement-supplied.v1";
    public static final String TOPIC = Topics.INTAKE;

    public DossierSupplementSupplied {
        items = Payloads.list(items);
    }
}
