package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The dossier was refused in writing with reasons (Form 03, phiếu từ chối tiếp nhận giải quyết hồ sơ):
 * outside the unit's competence or not eligible.
 *
 * @param applicant contact details, present only when the dossier was never received (an online
 *                  submission refused at the check), since notification then has no {@code received} event
 */
public record DossierRefused(
        String dossierCode,
        String unitCode,
        OffsetDateTime refusedAt,
        String refusedBy,
        List<String> reasons,
        @OptionalField Applicant applicant) implements IntakeEvent {

    public static final String TYPE = "vn.motcua.dossier.refused.v1";
    public static final String TOPIC = Topics.INTAKE;

    public DossierRefused {
        reasons = Payloads.list(reasons);
    }
}
