package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The applicant was asked, once and in writing, for everything missing (Form 02, phiếu yêu cầu bổ sung,
 * hoàn thiện hồ sơ). During processing this pauses the deadline clock until the supplement arrives.
 *
 * @param agencyCode the processing agency that asked; absent when the one-stop unit asked at reception
 * @param supplyBy   a date the applicant is asked to supply by, if any
 */
public record DossierSupplementRequested(
        String dossierCode,
        OffsetDateTime requestedAt,
        String requestedBy,
        @OptionalField String agencyCode,
        String reason,
        List<SupplementItem> items,
        @OptionalField LocalDate supplyBy) implements IntakeEvent {

    public static final String TYPE = "vn.motcua.dossier.supplement-requested.v1";
    public static final String TOPIC = Topics.INTAKE;

    public DossierSupplementRequested {
        items = Payloads.list(items);
    }
}
